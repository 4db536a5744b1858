package refile

import (
	"math/rand/v2"
	"time"

	"github.com/icpkit/icpkit/icp/icptest"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// Synthetic identifiers from icptest (they pass their checksums and belong
// to no one), drawn in a fixed order from one seed.
var fixtures = rand.New(rand.NewPCG(19, 2026))

var (
	ownerID   = icptest.ResidentID(fixtures, province.Zhejiang, time.Date(1985, 3, 7, 0, 0, 0, 0, time.UTC), false).Number()
	managerID = icptest.ResidentID(fixtures, province.Zhejiang, time.Date(1990, 5, 12, 0, 0, 0, 0, time.UTC), true).Number()
	zjCC      = icptest.CreditCode(fixtures, subject.Enterprise, province.Zhejiang).String()
	// Other legal entities: in Zhejiang, Hebei and Beijing.
	zjOtherCC = icptest.CreditCode(fixtures, subject.Enterprise, province.Zhejiang).String()
	hebeiCC   = icptest.CreditCode(fixtures, subject.Enterprise, province.Hebei).String()
	beijingCC = icptest.CreditCode(fixtures, subject.Enterprise, province.Beijing).String()
)
