package icptest_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/icp"
	_ "github.com/icpkit/icpkit/icp/audit" // its codes are in icp.Codes(); they must be told apart
	"github.com/icpkit/icpkit/icp/icptest"
	_ "github.com/icpkit/icpkit/icp/refile" // likewise
)

// notCheck lists the codes in icp.Codes() that Check cannot report, with
// the reason. A prefix ends in ".".
var notCheck = map[string]string{
	"footer.":   "icp.Footer's rendering checks, not Check",
	"audit.":    "icp/audit.AuditFooter's findings, not Check",
	"plan.":     "icp/refile.Plan's findings, not Check",
	"timeline.": "icp.NewTimeline's findings, not Check",
	"fix.":      "the corrections of icp.NormalizeNumber and icp.FindNumbers (Fix.MessageCode), not Check",
	"validate.": "messages of the validator/v10 tags of icp.RegisterTranslations, not Check",
}

// alwaysReported lists the info codes Check reports for every valid
// application (their triggers are the valid application itself), with the
// reason.
var alwaysReported = map[string]string{
	"offline.mobile_real_name":  "the operator's real-name record cannot be checked offline",
	"offline.face_verification": "face verification happens at the provider",
	"offline.seals":             "seals on scans are checked by hand",
	"offline.sms_verification":  "the MIIT SMS comes after the provider's review",
	"offline.domain_real_name":  "the registrar's real-name record cannot be checked offline",
	"domain.foreign_registrar":  "a national rule (foreign registrars refused) that needs the registry, reported for every site",
}

func reasonNotCheck(code string) (string, bool) {
	for k, v := range notCheck {
		if code == k || strings.HasSuffix(k, ".") && strings.HasPrefix(code, k) {
			return v, true
		}
	}
	return "", false
}

// TestTriggerEveryCode walks icp.Codes(): every code Check can report has
// a trigger, and Check reports it.
func TestTriggerEveryCode(t *testing.T) {
	for _, code := range icp.Codes() {
		if reason, ok := reasonNotCheck(code); ok {
			_, has := icptest.Trigger(code)
			assert.False(t, has, "%s: not a Check code (%s) but has a trigger", code, reason)
			continue
		}
		t.Run(code, func(t *testing.T) {
			app, ok := icptest.Trigger(code)
			require.True(t, ok, "no trigger for the Check code %s", code)
			r := icp.Check(app, icptest.TriggerOptions(code)...)
			assert.True(t, r.Has(code), "Trigger(%q) (province %s, kind %s) does not make Check report it; it reports:%s",
				code, app.Province, app.Subject.Kind, describe(r.Findings))
			if reason, ok := alwaysReported[code]; ok {
				valid, _ := icptest.Trigger("offline.seals")
				assert.True(t, icp.Check(valid, icptest.TriggerOptions("offline.seals")...).Has(code), "%s is always reported: %s", code, reason)
			}
		})
	}
}

// TestTriggerCodesAreCodes: no trigger is kept for a code the catalog no
// longer has.
func TestTriggerCodesAreCodes(t *testing.T) {
	codes := map[string]bool{}
	for _, c := range icp.Codes() {
		codes[c] = true
	}
	for _, c := range icptest.TriggerCodes() {
		assert.True(t, codes[c], "trigger for %s, which is not in icp.Codes()", c)
	}
	_, ok := icptest.Trigger("no.such_code")
	assert.False(t, ok)
	assert.Nil(t, icptest.TriggerOptions("no.such_code"))
}
