package icptest

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpkit/icpkit/icp"
)

// bySetting lists the triggers whose code comes from their setting (the
// province, the site count, an option) rather than from a change to the
// application, with the reason.
var bySetting = map[string]string{
	"offline.mobile_real_name":  "always reported",
	"offline.face_verification": "always reported",
	"offline.seals":             "always reported",
	"offline.sms_verification":  "always reported",
	"offline.domain_real_name":  "always reported",
	"domain.foreign_registrar":  "always reported",
	"contact.local_unchecked":   "Guangxi wants local numbers; no locator is given",
	"contact.local":             "the locator places every mobile in another province",
	"person.reuse_unchecked":    "Tianjin bans reuse; no lookup is given",
	"person.reused":             "the lookup knows every mobile",
	"access.resolved_ip":        "Zhejiang wants the resolved IP to match",
	"subject.bianban_approval":  "Inner Mongolia's public bodies need the staffing office",
	"limit.sites_per_order":     "two sites in Hubei",
	"limit.domains_per_order":   "four domains in Shanxi",
	"access.sites_per_instance": "six sites on one server under the Tencent profile",
	"material.not_inspected":    "no opener is given",
	"material.no_file":          "the opener returns neither file nor error",
	"material.read_limit":       "the opener's stream never ends",
	"date.out_of_range":         "the check date is in the year 10000",
}

// TestTriggerIsTheChange: without its change, a trigger's application does
// not report the code, so the change is what provokes it.
func TestTriggerIsTheChange(t *testing.T) {
	for code, tr := range triggers {
		if _, ok := bySetting[code]; ok {
			continue
		}
		t.Run(code, func(t *testing.T) {
			base := tr
			base.change = func(*icp.Application, *rand.Rand) {}
			app := base.build()
			assert.False(t, icp.Check(app, base.options(app)...).Has(code), "%s: the application without the change (province %s, kind %s) already reports it",
				code, app.Province, app.Subject.Kind)
		})
	}
}
