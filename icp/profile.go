package icp

import (
	"slices"

	"github.com/icpkit/icpkit/material"
)

// ServerRule is a provider's rule for the resource a filing is made for.
// Its product and billing lists are read through methods, so that a
// built-in profile cannot be changed by writing into a shared slice; build
// a changed rule with [ServerRule.WithProducts] and [ServerRule.WithBilling].
type ServerRule struct {
	products  []string
	billing   []string
	MinMonths int // months bought, renewals included
	// MinMonthsLeft is the time that must be left on the server while the
	// filing is reviewed, in months (0: not stated).
	MinMonthsLeft int
	// SitesPerInstance caps the sites filed against one server (0: none).
	SitesPerInstance int
	Source           string
	Status           string // CONFIRMED or UNCERTAIN
}

// Products returns the accepted product tokens (a copy); empty: any.
func (r ServerRule) Products() []string { return slices.Clone(r.products) }

// Billing returns the accepted billing tokens (a copy); empty: any.
func (r ServerRule) Billing() []string { return slices.Clone(r.billing) }

// AcceptsProduct reports whether the product token is accepted.
func (r ServerRule) AcceptsProduct(p string) bool {
	return len(r.products) == 0 || slices.Contains(r.products, p)
}

// AcceptsBilling reports whether the billing token is accepted.
func (r ServerRule) AcceptsBilling(b string) bool {
	return len(r.billing) == 0 || slices.Contains(r.billing, b)
}

// WithProducts returns r accepting exactly the given products (none: any).
func (r ServerRule) WithProducts(p ...string) ServerRule { r.products = slices.Clone(p); return r }

// WithBilling returns r accepting exactly the given billing tokens (none:
// any).
func (r ServerRule) WithBilling(b ...string) ServerRule { r.billing = slices.Clone(b); return r }

// Profile is a provider's set of rules on top of the authorities': its
// material specs, its server rule, its own caps and the severity of the
// rules only it states. A Profile is a value: copy one and change it (its
// server lists through [ServerRule.WithProducts] and
// [ServerRule.WithBilling]). The built-in profiles differ where the providers' documents do; everything
// else comes from the province table and is the same under all four:
//
//	rule                          Default        Alibaba            Tencent                  Huawei
//	server products               any            ECS, lightweight … CVM, Lighthouse, CLB …   ECS, Flexus X/L …
//	billing                       any            subscription       subscription             subscription
//	months bought                 -              ≥ 3 (UNCERTAIN)    ≥ 3                      ≥ 3
//	months left during filing     -              -                  ≥ 1                      -
//	sites per server              -              5 (UNCERTAIN)      5                        5
//	services of an individual     province only  province only      province only            5
//	company e-mail on own domain  -              warning            -                        -
//	virtual emergency number      -              warning            -                        -
//	material formats              JPEG, PNG, GIF JPEG, PNG          JPEG, PNG, GIF           JPEG, PNG
//	material size                 ≤ 8 MiB        ≤ 4 MB             200 KiB – 8 MB           ≤ 4 MB
//	dpi and pixel floor           -              300 dpi (warning)  -                        -
//
// A provider's MB is read as 10^6 bytes for upper bounds and its KB as
// 2^10 bytes for lower ones, so a file it accepts passes under either
// reading; Default reads them the other way (see package material).
// Alibaba's rules beyond its API pages come from a third-party how-to
// (ALI-howto) and are warnings.
type Profile struct {
	Name      string
	Materials material.Profile
	Server    ServerRule
	// CompanyEmail is the severity of an owner e-mail that is not on one of
	// the subject's domains (0: not checked).
	CompanyEmail Severity
	// EmergencyNotVirtual is the severity of a virtual-operator number as
	// an emergency phone (0: not checked).
	EmergencyNotVirtual Severity
	// MaxIndividualServices is the provider's own cap on the services of an
	// individual subject (0: none); a province's cap, where it states one,
	// comes first.
	MaxIndividualServices int
	Source                string
}

// Default is the profile used when none is given: neutral, it holds only
// what the authorities and every provider require. It names no product or
// billing (each provider has its own), asks for no months bought and no
// company e-mail, and checks materials against material.Default. A panel
// of one provider passes that provider's profile instead.
var Default = Profile{
	Name:      "default",
	Materials: material.Default,
	Server:    ServerRule{Source: "TC-cloud; HW-prep; ALI-bsn", Status: "CONFIRMED"},
	Source:    "TC-cloud; HW-prep; ALI-bsn",
}

// Alibaba is Alibaba Cloud's profile: a 备案服务号 bound to one of its
// mainland products (ALI-bsn); ECS or lightweight servers by subscription
// for at least 3 months and at most 5 filings per instance are reported
// only by third-party pages (UNCERTAIN). A third-party how-to about
// Alibaba's filing system (ALI-howto, the page this project started from)
// adds the rest: materials as JPG or PNG of at least 300 dpi and at most
// 4 MB (material.Alibaba), the company e-mail on the subject's own domain
// and no virtual-operator number as the emergency phone. Alibaba's own
// documentation does not state them, so they are warnings.
var Alibaba = Profile{
	Name:      "alibaba",
	Materials: material.Alibaba,
	Server: ServerRule{products: []string{"ecs", "lightweight", "slb", "ace", "market", "webapp", "nat", "nat64", "ens", "virtual_host"},
		billing: []string{"subscription"}, MinMonths: 3, SitesPerInstance: 5, Source: "ALI-bsn; ALI-howto", Status: "UNCERTAIN"},
	CompanyEmail:        SeverityWarning,
	EmergencyNotVirtual: SeverityWarning,
	Source:              "ALI-bsn; ALI-domaincert; ALI-howto",
}

// Tencent is Tencent Cloud's profile: CVM or Lighthouse in the mainland,
// 包年包月 only, at least 3 months bought and at least 1 month left during
// the filing, at most 5 sites per instance (TC-cloud); images 200 KB–8 MB, JPG/PNG/GIF (TC-upload).
var Tencent = Profile{
	Name:      "tencent",
	Materials: material.Tencent,
	Server: ServerRule{products: []string{"cvm", "lighthouse", "clb", "scf_pack", "cloudbase_pack"}, billing: []string{"subscription"},
		MinMonths: 3, MinMonthsLeft: 1, SitesPerInstance: 5, Source: "TC-cloud", Status: "CONFIRMED"},
	Source: "TC-cloud; TC-upload",
}

// Huawei is Huawei Cloud's profile: ECS, Flexus X or Flexus L by
// subscription for at least 3 months with an EIP, pay-per-use refused, 5
// authorisation codes per ECS (HW-prep, HW-rules); images JPG/PNG at most
// 4 MB (HW-mat); at most 5 services for an individual subject (HW-rules).
var Huawei = Profile{
	Name:      "huawei",
	Materials: material.Huawei,
	Server: ServerRule{products: []string{"ecs", "flexus_x", "flexus_l", "enterprise_portal", "nat"}, billing: []string{"subscription"},
		MinMonths: 3, SitesPerInstance: 5, Source: "HW-prep; HW-rules", Status: "CONFIRMED"},
	MaxIndividualServices: 5,
	Source:                "HW-prep; HW-mat; HW-rules",
}

// Profiles returns the built-in profiles.
func Profiles() []Profile { return []Profile{Default, Alibaba, Tencent, Huawei} }

// ProfileByName returns a built-in profile by name (default, alibaba, tencent,
// huawei).
func ProfileByName(name string) (Profile, bool) {
	for _, p := range Profiles() {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}
