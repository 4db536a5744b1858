package icptest_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/icptest"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// impossible lists the combinations no application can pass, with the
// finding code and the rule that forbid them. Keys are province/kind/sites;
// kind "*" is every kind and "unit" every kind but individual.
var impossible = map[string]struct{ code, reason string }{
	"湖北/*/5":          {"limit.sites_per_order", "max_sites_per_order 1 (TC-P-湖北): one site per order"},
	"湖南/*/5":          {"limit.sites_per_order", "max_sites_per_order 1 (TC-P-湖南): one site per order"},
	"山西/unit/5":       {"limit.domains_per_order", "max_domains_per_order_unit 3 (HW-prov): a website needs a domain"},
	"河南/individual/5": {"limit.domains_per_order", "max_domains_per_order_individual 3 (TC-P-河南; HW-prov): a website needs a domain"},
	"海南/individual/5": {"limit.domains_per_order", "max_domains_per_order_individual 1 (TC-P-海南): a website needs a domain"},
}

func impossibleReason(p province.Province, k subject.Kind, sites int) (code, reason string, ok bool) {
	for _, key := range []string{
		fmt.Sprintf("%s/%s/%d", p, k, sites),
		fmt.Sprintf("%s/*/%d", p, sites),
		fmt.Sprintf("%s/unit/%d", p, sites),
	} {
		if strings.Contains(key, "/unit/") && !k.IsUnit() {
			continue
		}
		if x, ok := impossible[key]; ok {
			return x.code, x.reason, true
		}
	}
	return "", "", false
}

// TestApplicationDeterministic: the same generator state gives the same
// application; another gives another.
func TestApplicationDeterministic(t *testing.T) {
	a := icptest.Application(rand.New(rand.NewPCG(1, 2)), province.Sichuan, subject.Institution, 3)
	b := icptest.Application(rand.New(rand.NewPCG(1, 2)), province.Sichuan, subject.Institution, 3)
	c := icptest.Application(rand.New(rand.NewPCG(1, 3)), province.Sichuan, subject.Institution, 3)
	assert.Equal(t, a, b)
	assert.NotEqual(t, a.Subject.Owner.Document.Number, c.Subject.Owner.Document.Number)
}

// TestApplicationAt: the application follows the day it is built for, and
// the rules in force that day.
func TestApplicationAt(t *testing.T) {
	before := time.Date(2021, 5, 1, 12, 0, 0, 0, time.FixedZone("CST", 8*3600))
	app := icptest.Application(rand.New(rand.NewPCG(1, 2)), province.Jiangsu, subject.Enterprise, 1, icptest.At(before))
	for _, m := range app.Materials {
		assert.NotEqual(t, "commitment_video", m.Kind.String(), "Jiangsu's commitment video is required from 2021-06-01 on")
	}
	r := icp.Check(app, icp.At(before), icp.WithMaterialOpener(icptest.Opener(icptest.Materials(app))))
	assert.True(t, r.OK(), "%s", describe(r.Errors()))
}

func TestApplicationPanics(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	assert.Panics(t, func() { icptest.Application(r, province.Beijing, subject.Enterprise, 0) }, "no site")
	assert.Panics(t, func() { icptest.Application(r, province.Beijing, 0, 1) }, "invalid kind")
	assert.Panics(t, func() { icptest.Application(r, 0, subject.Enterprise, 1) }, "invalid province")
	assert.Panics(t, func() { icptest.Application(r, province.Beijing, subject.Enterprise, icp.MaxSites+1) }, "too many sites")
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
		t.Run(prof.Name, func(t *testing.T) {
			t.Parallel()
			checkProfile(t, prof)
		})
	}
}

func checkProfile(t *testing.T, prof icp.Profile) {
	for _, p := range province.All() {
		for _, k := range subject.Kinds() {
			for _, sites := range []int{1, 5} {
				name := fmt.Sprintf("%s/%s/%d", p.EnglishName(), k, sites)
				t.Run(name, func(t *testing.T) {
					seed := uint64(p)<<16 | uint64(k)<<8 | uint64(sites)
					app := icptest.Application(rand.New(rand.NewPCG(seed, 19)), p, k, sites, icptest.WithProfile(prof))
					require.Len(t, app.Sites, sites)
					r := icp.Check(app, icp.At(icptest.DefaultDate), icp.WithProfile(prof),
						icp.WithMaterialOpener(icptest.Opener(icptest.Materials(app))))
					if code, reason, ok := impossibleReason(p, k, sites); ok {
						assert.False(t, r.OK(), "province %s, kind %s, %d sites, profile %s: listed as impossible (%s) but passes: update the list",
							p, k, sites, prof.Name, reason)
						for _, f := range r.Errors() {
							assert.Equal(t, code, f.Code, "province %s, kind %s, %d sites, profile %s: the only error should be %s (%s):%s",
								p, k, sites, prof.Name, code, reason, describe(r.Errors()))
						}
						return
					}
					assert.True(t, r.OK(), "province %s, kind %s, %d sites, profile %s: Check reports errors:%s",
						p, k, sites, prof.Name, describe(r.Errors()))
				})
			}
		}
	}
}

// BenchmarkApplication measures building a valid application against the
// floor of one Check of it (Application runs Check once to learn the
// materials the province asks for).
func BenchmarkApplication(b *testing.B) {
	app := icptest.Application(rand.New(rand.NewPCG(1, 2)), province.Jiangsu, subject.Enterprise, 5)
	b.Run("Application", func(b *testing.B) {
		b.ReportAllocs()
		r := rand.New(rand.NewPCG(1, 2))
		for b.Loop() {
			icptest.Application(r, province.Jiangsu, subject.Enterprise, 5)
		}
	})
	b.Run("Check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			icp.Check(app, icp.At(icptest.DefaultDate))
		}
	})
}

// TestApplicationAcrossProfiles: an application built for the default
// profile ("ecs") passes the Alibaba and Huawei profiles too; Tencent sells
// no "ecs", so its applications are built WithProfile(icp.Tencent) ("cvm").
func TestApplicationAcrossProfiles(t *testing.T) {
	app := icptest.Application(rand.New(rand.NewPCG(3, 3)), province.Guangdong, subject.Enterprise, 2)
	opener := icp.WithMaterialOpener(icptest.Opener(icptest.Materials(app)))
	for _, p := range []icp.Profile{icp.Default, icp.Alibaba, icp.Huawei} {
		r := icp.Check(app, icp.At(icptest.DefaultDate), icp.WithProfile(p), opener)
		assert.True(t, r.OK(), "profile %s:%s", p.Name, describe(r.Errors()))
	}
	r := icp.Check(app, icp.At(icptest.DefaultDate), icp.WithProfile(icp.Tencent), opener)
	var codes []string
	for _, f := range r.Errors() {
		codes = append(codes, f.Code)
	}
	assert.Equal(t, []string{"resource.product"}, codes)
}
