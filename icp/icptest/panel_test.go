package icptest_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/icptest"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// TestPanelStyle is the unit test a hosting panel writes for its own form
// logic with icptest: one valid application per case, one field changed,
// the code and the field path asserted.
func TestPanelStyle(t *testing.T) {
	tests := []struct {
		name   string
		p      province.Province
		change func(a *icp.Application, r *rand.Rand)
		code   string
		field  string
	}{
		{"the manager's emergency phone is the owner's mobile", province.Guangdong, func(a *icp.Application, _ *rand.Rand) {
			a.Sites[0].Manager.EmergencyPhone = a.Subject.Owner.Mobile
		}, "contact.emergency_same", "sites[0].manager.emergency_phone"},
		{"a domain held by someone else", province.Beijing, func(a *icp.Application, _ *rand.Rand) {
			a.Sites[0].DomainHolder = "北京别家贸易有限公司"
		}, "domain.holder", "sites[0].domain_holder"},
		{"a credit code of another province", province.Shanghai, func(a *icp.Application, r *rand.Rand) {
			a.Subject.Certificate.Number = subject.Secret(icptest.CreditCode(r, subject.Enterprise, province.Zhejiang).String())
		}, "subject.certificate_province", "subject.certificate.number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(2026, 19))
			app := icptest.Application(r, tt.p, subject.Enterprise, 1)
			require.True(t, icp.Check(app, icp.At(icptest.DefaultDate)).OK(), "the base application is valid")
			tt.change(&app, r)
			errs := icp.Check(app, icp.At(icptest.DefaultDate)).Errors()
			require.Len(t, errs, 1, "%v", errs)
			assert.Equal(t, tt.code, errs[0].Code)
			assert.Equal(t, tt.field, errs[0].Field)
		})
	}
}
