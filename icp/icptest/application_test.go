package icptest_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/icptest"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// impossible lists the combinations no application can pass, with the rule
// that forbids them. Keys are province/kind/sites; kind "*" is every kind
// and "unit" every unit kind.
var impossible = map[string]string{
	"湖北/*/5":          "max_sites_per_order 1 (TC-P-湖北): one site per order",
	"湖南/*/5":          "max_sites_per_order 1 (TC-P-湖南): one site per order",
	"山西/*/5":          "max_domains_per_order_unit and _individual 3 (HW-prov): a website needs a domain",
	"河南/individual/5": "max_domains_per_order_individual 3 (TC-P-河南; HW-prov): a website needs a domain",
	"海南/individual/5": "max_domains_per_order_individual 1 (TC-P-海南): a website needs a domain",
}

func impossibleReason(p province.Province, k subject.Kind, sites int) (string, bool) {
	for _, key := range []string{
		fmt.Sprintf("%s/%s/%d", p, k, sites),
		fmt.Sprintf("%s/*/%d", p, sites),
	} {
		if r, ok := impossible[key]; ok {
			return r, true
		}
	}
	return "", false
}

// describe lists findings as "code@field (params)" lines for failure
// messages.
func describe(fs []icp.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n\t%s %s@%s %v: %s", f.Severity, f.Code, f.Field, f.Params, f.Message)
	}
	return b.String()
}

// TestApplicationPassesCheck is the package's property: for every province,
// subject kind, 1 and 5 sites and built-in profile, Application builds an
// application that Check passes with no error, materials inspected.
func TestApplicationPassesCheck(t *testing.T) {
	for _, prof := range icp.Profiles() {
		for _, p := range province.All() {
			for _, k := range subject.Kinds() {
				for _, sites := range []int{1, 5} {
					name := fmt.Sprintf("%s/%s/%s/%d", prof.Name, p.EnglishName(), k, sites)
					t.Run(name, func(t *testing.T) {
						seed := uint64(p)<<16 | uint64(k)<<8 | uint64(sites)
						app := icptest.Application(rand.New(rand.NewPCG(seed, 19)), p, k, sites, icptest.WithProfile(prof))
						require.Len(t, app.Sites, sites)
						r := icp.Check(app, icp.At(icptest.DefaultDate), icp.WithProfile(prof),
							icp.WithMaterialOpener(icptest.Opener(icptest.Materials(app))))
						if reason, ok := impossibleReason(p, k, sites); ok {
							assert.False(t, r.OK(), "listed as impossible (%s) but passes: update the list", reason)
							return
						}
						assert.True(t, r.OK(), "province %s, kind %s, %d sites, profile %s: Check reports errors:%s",
							p, k, sites, prof.Name, describe(r.Errors()))
					})
				}
			}
		}
	}
}
