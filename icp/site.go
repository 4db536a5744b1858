package icp

import (
	"fmt"
	"net/netip"
	"strconv"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// ServiceType is the kind of internet-information service a filing covers.
type ServiceType uint8

const (
	ServiceWebsite     ServiceType = iota + 1 // website
	ServiceApp                                // app
	ServiceMiniProgram                        // mini_program
	ServiceQuickApp                           // quick_app
)

var serviceTypeNames = [...]string{"", "website", "app", "mini_program", "quick_app"}

// String returns the JSON token.
func (s ServiceType) String() string {
	if s == 0 || int(s) >= len(serviceTypeNames) {
		return fmt.Sprintf("ServiceType(%d)", uint8(s))
	}
	return serviceTypeNames[s]
}

// MarshalText implements [encoding.TextMarshaler].
func (s ServiceType) MarshalText() ([]byte, error) {
	if s == 0 || int(s) >= len(serviceTypeNames) {
		return nil, fmt.Errorf("icp: invalid ServiceType %d", uint8(s))
	}
	return []byte(serviceTypeNames[s]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *ServiceType) UnmarshalText(b []byte) error {
	for i, n := range serviceTypeNames {
		if i > 0 && n == string(b) {
			*s = ServiceType(i)
			return nil
		}
	}
	return fmt.Errorf("icp: unknown service_type %q (want website, app, mini_program or quick_app)", norm.Clip(string(b), 30))
}

// Access is where a site is hosted: the access provider and the public IP
// addresses of its servers.
type Access struct {
	Provider string       `json:"provider"`
	IPs      []netip.Addr `json:"ips"`
}

// AppInfo is what an App filing adds (HW-app doc_0110–0123).
type AppInfo struct {
	PackageName string   `json:"package_name,omitempty"` // Android package, reverse-DNS
	BundleID    string   `json:"bundle_id,omitempty"`    // iOS
	Platforms   []string `json:"platforms,omitempty"`    // "android", "ios", "harmony" …
	AndroidMD5  string   `json:"android_md5,omitempty"`  // signing certificate, MD5 hex
	IOSSHA1     string   `json:"ios_sha1,omitempty"`     // signing certificate, SHA-1 hex
}

// Approval is a pre-approval the site holds: its category (see
// [Categories]) and the document's number or title.
type Approval struct {
	Category string `json:"category"`
	Document string `json:"document"`
}

// Site is one internet-information service of a filing: a website, App,
// mini-program or quick app.
type Site struct {
	// Number is the site's filing number, for changes of filed sites.
	Number      Number      `json:"number,omitzero" validate:"-"`
	Name        string      `json:"name" validate:"required,max=100"`
	ServiceType ServiceType `json:"service_type" validate:"required"`
	Domains     []string    `json:"domains" validate:"dive,required,max=253"`
	// Content lists content categories; "personal_space" is 个人空间/博客.
	Content     []string       `json:"content" validate:"-"`
	Description string         `json:"description,omitempty" validate:"max=1000"`
	Manager     subject.Person `json:"manager"`
	// DomainHolder is the registrant of the domains, as in the registry.
	DomainHolder  string       `json:"domain_holder,omitempty" validate:"-"`
	DomainExpires subject.Date `json:"domain_expires,omitzero" validate:"-"`
	Access        Access       `json:"access" validate:"-"`
	App           *AppInfo     `json:"app,omitempty" validate:"-"`
	Approvals     []Approval   `json:"approvals,omitempty" validate:"-"`
	// NotInvolved declares that no pre-approval category is involved (the
	// "以上都不涉及" choice, with a commitment letter).
	NotInvolved bool `json:"preapproval_not_involved,omitempty" validate:"-"`
	Commercial  bool `json:"commercial,omitempty" validate:"-"`
	// Licence is the commercial site's 经营许可证 (京ICP证030173号) or
	// value-added telecom licence (粤B2-20090059).
	Licence Number `json:"licence,omitzero" validate:"-"`
	Remark  string `json:"remark,omitempty" validate:"max=1000"`
}

// limitInput is what [checkLimitsReport] counts.
type limitInput struct {
	Individual bool
	Existing   int    // services the subject already holds
	Sites      []Site // the sites of this order
	Rules      province.Rules
	// ProfileCap is the provider's own cap on an individual's services
	// (0: none), with its source: Huawei's 5 (HW-rules).
	ProfileCap       int
	ProfileCapSource string
	Language         language.Tag
}

// checkLimitsReport applies the quantity limits of the province table:
// individuals' services (a province's cap, else the provider's), the province's unit-site
// cap, per-order caps on sites and domains, one domain per site where the
// province requires it, and the site counts from which a 网站建设方案书 is
// required. Findings name sites[i].domains where one site is at fault.
func checkLimitsReport(in limitInput) Report {
	fd := finder{lang: in.Language}
	checkLimits(&fd, in)
	return fd.report()
}

// sitePlanRequired reports whether the province asks for a 网站建设方案书
// with total sites of the subject.
func sitePlanRequired(r province.Rules, individual bool, total int) (bool, int) {
	f := r.PlanThresholdUnitSites
	if individual {
		f = r.PlanThresholdIndividualSites
	}
	if v, ok := f.Get(); ok && total >= v {
		return true, v
	}
	return false, 0
}

func checkLimits(fd *finder, in limitInput) {
	r := in.Rules
	total := in.Existing + len(in.Sites)
	itoa := strconv.Itoa
	if in.Individual {
		if v, ok := r.MaxIndividualServices.Get(); ok && total > v {
			fd.add("limit.individual_services", statusSeverity(r.MaxIndividualServices.Status()), "sites", r.MaxIndividualServices.Source(), "max", itoa(v), "count", itoa(total))
		} else if !ok && in.ProfileCap > 0 && total > in.ProfileCap {
			fd.add("limit.individual_services", SeverityError, "sites", in.ProfileCapSource, "max", itoa(in.ProfileCap), "count", itoa(total))
		}
	} else if v, ok := r.MaxUnitSites.Get(); ok && total > v {
		fd.add("limit.unit_sites", SeverityError, "sites", r.MaxUnitSites.Source(), "max", itoa(v), "count", itoa(total))
	}
	if v, ok := r.MaxSitesPerOrder.Get(); ok && len(in.Sites) > v {
		fd.add("limit.sites_per_order", SeverityError, "sites", r.MaxSitesPerOrder.Source(), "max", itoa(v), "count", itoa(len(in.Sites)))
	}
	domains := 0
	for _, s := range in.Sites {
		domains += len(s.Domains)
	}
	cap := r.MaxDomainsPerOrderUnit
	if in.Individual {
		cap = r.MaxDomainsPerOrderIndividual
	}
	if v, ok := cap.Get(); ok && domains > v {
		fd.add("limit.domains_per_order", SeverityError, "sites", cap.Source(), "max", itoa(v), "count", itoa(domains))
	}
	if v, ok := r.OneDomainPerSite.Get(); ok && v {
		for i, s := range in.Sites {
			if len(s.Domains) > 1 {
				fd.add("limit.one_domain_per_site", SeverityError, fmt.Sprintf("sites[%d].domains", i), r.OneDomainPerSite.Source(), "count", itoa(len(s.Domains)))
			}
		}
	}
	if need, th := sitePlanRequired(r, in.Individual, total); need {
		src := r.PlanThresholdUnitSites.Source()
		if in.Individual {
			src = r.PlanThresholdIndividualSites.Source()
		}
		fd.add("limit.site_plan", SeverityInfo, "materials", src, "threshold", itoa(th), "count", itoa(total))
	}
}
