package icp

// Verifier is who must complete the MIIT SMS verification of a filing.
type Verifier uint8

const (
	// VerifierOwner is the subject's 主体负责人.
	VerifierOwner Verifier = iota + 1
	// VerifierManager is the site's 网站负责人.
	VerifierManager
)

// String returns "subject_owner" or "site_manager".
func (v Verifier) String() string {
	switch v {
	case VerifierOwner:
		return "subject_owner"
	case VerifierManager:
		return "site_manager"
	}
	return "invalid"
}

// MarshalText implements [encoding.TextMarshaler].
func (v Verifier) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// Verifiers returns who must verify by SMS for a filing type (QC-sms,
// QC-gloss). For ChangeAll the answer depends on
// what changes: see [VerifiersForChange].
func Verifiers(t FilingType) []Verifier {
	switch t {
	case FirstFiling, NewSite, NewSiteNoSubject:
		return []Verifier{VerifierOwner, VerifierManager}
	case NewAccess, NewAccessNoSubject, ChangeSite:
		return []Verifier{VerifierManager}
	case ChangeSubject, CancelSubject:
		return []Verifier{VerifierOwner}
	case ChangeAll:
		return []Verifier{VerifierOwner, VerifierManager}
	}
	return nil // ChangeAccess, SiteMigration, CancelSite, CancelAccess, AccountTransfer
}
