package refile

import "github.com/icpkit/icpkit/subject"

// Synthetic identifiers that pass their checksums.
func synthID(first17 string) string { return first17 + string(subject.ResidentIDCheck(first17)) }
func synthCC(first17 string) string { return first17 + string(subject.CreditCodeCheck(first17)) }

var (
	ownerID   = synthID("33010619850307123") // Zhejiang, male, born 1985
	managerID = synthID("33010219900512234") // Zhejiang, female (digit 17 = 4)
	zjCC      = synthCC("91330106MA2H0K3L7")
)
