package icp

import "github.com/icpkit/icpkit/material"

// ServerRule is a provider's rule for the resource a filing is made for
// (reference/domain.md §8.5).
type ServerRule struct {
	Products  []string // accepted product tokens
	Billing   []string // accepted billing tokens; empty: any
	MinMonths int      // months bought, renewals included
	// SitesPerInstance caps the sites filed against one server (0: none).
	SitesPerInstance int
	Source           string
	Status           string // CONFIRMED or UNCERTAIN
}

// Profile is a provider's set of rules on top of the authorities': its
// material specs, its server rule, and whether the company e-mail must use
// the subject's own domain. A Profile is a value: copy one and change it.
type Profile struct {
	Name      string
	Materials material.Profile
	Server    ServerRule
	// CompanyEmail is the severity of an owner e-mail that is not on one of
	// the subject's domains (0: not checked).
	CompanyEmail Severity
	Source       string
}

// Brief is the original brief's profile and the default: JPG/PNG materials
// of at least 300 dpi and at most 4 MB; a mainland ECS bought by
// subscription or a lightweight server, for at least 3 months; the company
// e-mail on the subject's domain, as a warning.
var Brief = Profile{
	Name:      "brief",
	Materials: material.Brief,
	Server: ServerRule{Products: []string{"ecs", "lightweight"}, Billing: []string{"subscription"}, MinMonths: 3,
		Source: "DESIGN.md (the brief)", Status: "UNCERTAIN"},
	CompanyEmail: SeverityWarning,
	Source:       "DESIGN.md (the brief)",
}

// Aliyun is Alibaba Cloud's profile: a 备案服务号 bound to one of its
// mainland products (ALI-bsn); ECS or lightweight servers by subscription
// for at least 3 months and at most 5 filings per instance are reported
// only by third-party pages (UNCERTAIN). Domain certificates 200 KB–4 MB.
var Aliyun = Profile{
	Name:      "aliyun",
	Materials: material.Alibaba,
	Server: ServerRule{Products: []string{"ecs", "lightweight", "slb", "ace", "market", "webapp", "nat", "nat64", "ens", "virtual_host"},
		Billing: []string{"subscription"}, MinMonths: 3, SitesPerInstance: 5, Source: "ALI-bsn; third-party pages", Status: "UNCERTAIN"},
	Source: "ALI-bsn; ALI-domaincert",
}

// Tencent is Tencent Cloud's profile: CVM or Lighthouse in the mainland,
// 包年包月 only, at least 3 months bought, at most 5 sites per instance
// (TC-cloud); images 200 KB–8 MB, JPG/PNG/GIF (TC-upload).
var Tencent = Profile{
	Name:      "tencent",
	Materials: material.Tencent,
	Server: ServerRule{Products: []string{"cvm", "lighthouse", "clb", "scf_pack", "cloudbase_pack"}, Billing: []string{"subscription"},
		MinMonths: 3, SitesPerInstance: 5, Source: "TC-cloud", Status: "CONFIRMED"},
	Source: "TC-cloud; TC-upload",
}

// Huawei is Huawei Cloud's profile: ECS, Flexus X or Flexus L by
// subscription for at least 3 months with an EIP, pay-per-use refused, 5
// authorisation codes per ECS (HW-prep, HW-rules); images JPG/PNG at most
// 4 MB (HW-mat).
var Huawei = Profile{
	Name:      "huawei",
	Materials: material.Huawei,
	Server: ServerRule{Products: []string{"ecs", "flexus_x", "flexus_l", "enterprise_portal", "nat"}, Billing: []string{"subscription"},
		MinMonths: 3, SitesPerInstance: 5, Source: "HW-prep; HW-rules", Status: "CONFIRMED"},
	Source: "HW-prep; HW-mat",
}

// Profiles returns the built-in profiles.
func Profiles() []Profile { return []Profile{Brief, Aliyun, Tencent, Huawei} }

// ProfileByName returns a built-in profile by name (brief, aliyun, tencent,
// huawei).
func ProfileByName(name string) (Profile, bool) {
	for _, p := range Profiles() {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}
