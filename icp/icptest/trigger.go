package icptest

import (
	"io"
	"math/rand/v2"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/workday"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// trigger is how one finding code is provoked: a valid application for a
// province, kind, site count and profile, and one change to it.
type trigger struct {
	p       province.Province
	k       subject.Kind
	sites   int
	profile *icp.Profile // nil: icp.Default
	change  func(a *icp.Application, r *rand.Rand)
	// extra options for Check (a phone locator); noOpener leaves the
	// material opener out.
	extra    []icp.Option
	noOpener bool
}

// on returns a trigger in province p for kind k with one site.
func on(p province.Province, k subject.Kind, change func(a *icp.Application, r *rand.Rand)) trigger {
	return trigger{p: p, k: k, sites: 1, change: change}
}

func zj(change func(a *icp.Application, r *rand.Rand)) trigger {
	return on(province.Zhejiang, subject.Enterprise, change)
}

func (t trigger) n(sites int) trigger          { t.sites = sites; return t }
func (t trigger) with(p icp.Profile) trigger   { t.profile = &p; return t }
func (t trigger) opts(o ...icp.Option) trigger { t.extra = o; return t }

func today() time.Time { return DefaultDate }

func days(n int) subject.Date { return subject.DateOf(DefaultDate.AddDate(0, 0, n)) }

// idAged returns the number of a resident ID of p for someone aged age on
// DefaultDate.
func idAged(r *rand.Rand, p province.Province, age int, female bool) subject.Secret {
	birth := time.Date(DefaultDate.Year()-age, DefaultDate.Month(), DefaultDate.Day(), 12, 0, 0, 0, workday.China).AddDate(0, 0, -30)
	return subject.Secret(ResidentID(r, p, birth, female).Number())
}

// setManagerID gives the first site's manager (a unit's second person)
// another ID number.
func setManagerID(a *icp.Application, n subject.Secret) {
	old := a.Sites[0].Manager.Document.Number
	for i := range a.Sites {
		if a.Sites[i].Manager.Document.Number == old {
			a.Sites[i].Manager.Document.Number = n
		}
	}
}

// setOwnerID gives an individual (owner, certificate and manager of every
// site) another ID number.
func setOwnerID(a *icp.Application, n subject.Secret) {
	old := a.Subject.Owner.Document.Number
	a.Subject.Owner.Document.Number = n
	a.Subject.Certificate.Number = n
	for i := range a.Sites {
		if a.Sites[i].Manager.Document.Number == old {
			a.Sites[i].Manager.Document.Number = n
		}
	}
}

// number returns a filing number of the application's province.
func number(a *icp.Application, rest string) icp.Number {
	return icp.MustParseNumber(a.Province.ICPAbbr() + "ICP备2024012345号" + rest)
}

func asApp(a *icp.Application, name string) {
	a.Sites[0].ServiceType = icp.ServiceApp
	a.Sites[0].Name = name
	a.Sites[0].App = &icp.AppInfo{PackageName: "com.example.notes", Platforms: []string{"android"},
		AndroidMD5: "0123456789ABCDEF0123456789ABCDEF"}
}

// defectFile replaces the path of the first material (a unit's licence)
// with the defective file for code.
func defectFile(code string) func(a *icp.Application, r *rand.Rand) {
	return func(a *icp.Application, _ *rand.Rand) { a.Materials[0].Path = defects[code].path }
}

var (
	tencent = icp.Tencent
	// alibaba carries the how-to's dpi, pixel floor and 4 MB.
	alibaba = icp.Alibaba
)

// triggers maps every finding code Check can report to its trigger.
var triggers = map[string]trigger{
	// filing type and numbers
	"filing.type_not_application":     zj(func(a *icp.Application, _ *rand.Rand) { a.FilingType = icp.SiteMigration }),
	"filing.subject_number_required":  zj(func(a *icp.Application, _ *rand.Rand) { a.FilingType = icp.NewSite }),
	"filing.subject_number_forbidden": zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Number = number(a, "") }),
	"filing.site_number_required": zj(func(a *icp.Application, _ *rand.Rand) {
		a.FilingType = icp.NewAccess
		a.Subject.Number = number(a, "")
	}),
	"filing.site_number_forbidden": zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Number = number(a, "-1") }),
	"filing.site_number_other_subject": zj(func(a *icp.Application, _ *rand.Rand) {
		a.FilingType = icp.ChangeSite
		a.Subject.Number = number(a, "")
		a.Sites[0].Number = icp.MustParseNumber(a.Province.ICPAbbr() + "ICP备2024099999号-1")
	}),
	"filing.number_province": zj(func(a *icp.Application, _ *rand.Rand) {
		a.FilingType = icp.NewSite
		a.Subject.Number = icp.MustParseNumber("京ICP备2024012345号")
	}),
	"filing.number_kind": zj(func(a *icp.Application, _ *rand.Rand) {
		a.FilingType = icp.NewSite
		a.Subject.Number = number(a, "-1")
	}),
	"filing.no_sites": zj(func(a *icp.Application, _ *rand.Rand) { a.Sites = nil }),

	// structure
	"structure.required": zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Name = "" }),
	"structure.invalid":  zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.ExistingServices = -1 }),
	"date.out_of_range": zj(func(*icp.Application, *rand.Rand) {}).
		opts(icp.At(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))),
	"material.no_file": zj(func(*icp.Application, *rand.Rand) {}).
		opts(icp.WithMaterialOpener(func(string) (io.ReadCloser, error) { return nil, nil })),
	"material.read_limit": zj(func(*icp.Application, *rand.Rand) {}).
		opts(icp.WithMaterialOpener(func(string) (io.ReadCloser, error) { return io.NopCloser(endlessFill{}), nil })),
	"structure.too_long": zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Description = strings.Repeat("长", 1001) }),
	"structure.too_many_sites": zj(func(a *icp.Application, _ *rand.Rand) {
		for len(a.Sites) <= icp.MaxSites {
			a.Sites = append(a.Sites, a.Sites[0])
		}
	}),

	// certificate
	"subject.certificate_type": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Subject.Certificate.Type = subject.OrganizationCodeCertificate
	}),
	"subject.certificate_number": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Subject.Certificate.Number = subject.Secret(badCheck(a.Subject.Certificate.Number.Reveal()))
	}),
	"subject.uscc_kind": zj(func(a *icp.Application, r *rand.Rand) {
		a.Subject.Certificate.Number = subject.Secret(CreditCode(r, subject.Institution, a.Province).String())
	}),
	"subject.certificate_province": zj(func(a *icp.Application, r *rand.Rand) {
		a.Subject.Certificate.Number = subject.Secret(CreditCode(r, subject.Enterprise, province.Jiangsu).String())
	}),
	// The only way to a pilot code is one of the few legally issued ones
	// (subject.PilotCodes): a company's code, not a person's.
	"subject.certificate_pilot": on(province.Fujian, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) {
		codes, _ := subject.PilotCodes()
		a.Subject.Certificate.Number = subject.Secret(codes[0])
	}),

	// people
	"person.document": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Subject.Owner.Document.Number = subject.Secret(badCheck(a.Subject.Owner.Document.Number.Reveal()))
	}),
	"person.document_type": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Manager.Document = a.Subject.Certificate
	}),
	"person.name":          zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Owner.Name = "张三3" }),
	"person.age_below":     zj(func(a *icp.Application, r *rand.Rand) { setManagerID(a, idAged(r, a.Province, 15, true)) }),
	"person.age_documents": on(province.Liaoning, subject.Enterprise, func(a *icp.Application, r *rand.Rand) { setManagerID(a, idAged(r, a.Province, 17, true)) }),
	// Every province with an age floor "with proof" now names its documents
	// (person.age_documents); age_proof is what Check says when a table
	// states the floor without them, as this patched row does.
	"person.age_proof": on(province.Liaoning, subject.Enterprise, func(a *icp.Application, r *rand.Rand) { setManagerID(a, idAged(r, a.Province, 17, true)) }).
		opts(icp.WithRules(patched("辽宁\tminor_documents\t-\tUNKNOWN\ticptest\t-\t-\n"))),
	"person.age_above":  on(province.Heilongjiang, subject.Enterprise, func(a *icp.Application, r *rand.Rand) { setManagerID(a, idAged(r, a.Province, 66, false)) }),
	"person.retirement": on(province.Tianjin, subject.Enterprise, func(a *icp.Application, r *rand.Rand) { setManagerID(a, idAged(r, a.Province, 61, false)) }),
	"person.birth_future": zj(func(a *icp.Application, r *rand.Rand) {
		setManagerID(a, subject.Secret(ResidentID(r, a.Province, today().AddDate(1, 0, 0), true).Number()))
	}),
	"document.validity":       zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Owner.Document.ValidUntil = days(30) }),
	"subject.owner_legal_rep": zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Owner.LegalRepresentative = false }),

	// address
	"address.no_house_number": zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Address = "浙江省杭州市西湖区文三路" }),
	"address.shixiaqu": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Subject.Address = "浙江省杭州市市辖区文三路100号5幢301室"
	}),
	"address.province_mismatch": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Subject.Address = "江苏省南京市玄武区中山路1号2栋301室"
	}),
	"address.obsolete_district": on(province.Beijing, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) {
		a.Subject.Address = "北京市宣武区广安门内大街8号3栋502室"
	}),
	// Only white space that strings.TrimSpace keeps (a zero-width space)
	// gets past the required-field check to the address rule.
	"address.empty":    zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Address = "\u200b" }),
	"address.too_long": zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Address += strings.Repeat("附", 200) }),
	"address.no_room_number": on(province.Shanghai, subject.Individual, func(a *icp.Application, _ *rand.Rand) {
		a.Subject.Address = "上海市徐汇区漕溪北路88号"
	}),
	"subject.name_licence": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Subject.LicenceName = strings.Replace(a.Subject.Name, "科技", "信息", 1)
	}),

	// individuals
	"individual.non_local_refused": on(province.Shanxi, subject.Individual, func(a *icp.Application, r *rand.Rand) {
		setOwnerID(a, idAged(r, province.Beijing, 30, false))
	}),
	"individual.non_local_proof": on(province.Jilin, subject.Individual, func(a *icp.Application, r *rand.Rand) {
		setOwnerID(a, idAged(r, province.Beijing, 30, false))
		a.Materials = append(a.Materials, icp.MaterialRef{Kind: material.ResidenceProof, For: "subject.owner",
			Path: MaterialPath(material.ResidenceProof, "subject.owner")})
	}),
	"individual.non_local_unknown": on(province.Beijing, subject.Individual, func(a *icp.Application, r *rand.Rand) {
		setOwnerID(a, idAged(r, province.Hebei, 30, false))
	}),
	"site.personal_space": on(province.Beijing, subject.Individual, func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Content = []string{"personal_space"}
	}),

	// contacts
	"contact.mobile": zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Owner.Mobile = "1381234567" }),
	"contact.mobile_sms": zj(func(a *icp.Application, r *rand.Rand) {
		a.Subject.Owner.Mobile = subject.Secret(Mobile(r, subject.Virtual).Number())
	}),
	"contact.emergency": zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Owner.EmergencyPhone = "12345" }),
	"contact.emergency_virtual": zj(func(a *icp.Application, r *rand.Rand) {
		a.Subject.Owner.EmergencyPhone = subject.Secret(Mobile(r, subject.Virtual).Number())
	}).with(icp.Alibaba),
	"contact.emergency_same": zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Owner.EmergencyPhone = a.Subject.Owner.Mobile }),
	"contact.shared_phone":   zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Manager.Mobile = a.Subject.Owner.Mobile }),
	"contact.shared_email":   zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Manager.Email = a.Subject.Owner.Email }),
	"contact.distinct_numbers": on(province.Hubei, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Manager.EmergencyPhone = a.Subject.Owner.EmergencyPhone
	}),
	"contact.local": on(province.Xinjiang, subject.Enterprise, func(*icp.Application, *rand.Rand) {}).
		opts(icp.WithPhoneLocator(func(subject.Mobile) (province.Province, bool) { return province.Zhejiang, true })),
	"contact.local_unchecked": on(province.Guangxi, subject.Enterprise, func(*icp.Application, *rand.Rand) {}),
	"contact.email":           zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Owner.Email = "admin@@example" }),
	"contact.company_email":   zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Owner.Email = "boss@example.com" }).with(icp.Alibaba),
	"contact.local_remark": on(province.Shanxi, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) {
		a.Remark = "负责人长期在外省工作，使用外省手机号码"
	}).opts(icp.WithPhoneLocator(func(subject.Mobile) (province.Province, bool) { return province.Beijing, true })),
	"contact.landline_required": on(province.Jiangsu, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) { a.Subject.Landline = "" }),
	"contact.landline":          zj(func(a *icp.Application, _ *rand.Rand) { a.Subject.Landline = "12345" }),

	// domains
	"domain.none":      zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Domains = nil }),
	"domain.invalid":   zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Domains = []string{"192.168.1.1"} }),
	"domain.subdomain": zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Domains[0] = "www." + a.Sites[0].Domains[0] }),
	"domain.tld": on(province.Beijing, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Domains[0] = strings.Split(a.Sites[0].Domains[0], ".")[0] + ".org"
	}),
	"domain.kind_suffix": on(province.Zhejiang, subject.Government, func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Domains[0] = strings.TrimSuffix(a.Sites[0].Domains[0], ".gov.cn") + ".com"
	}),
	"domain.gov_subdomain": on(province.Zhejiang, subject.Government, func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Domains[0] = "www." + a.Sites[0].Domains[0]
	}),
	"domain.holder": zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].DomainHolder = "杭州别家贸易有限公司" }),
	"domain.holder_folded": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].DomainHolder = strings.Replace(a.Subject.Name, "有限公司", " 有限公司", 1)
	}),
	"domain.holder_legal_rep": on(province.Jilin, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].DomainHolder = a.Subject.Owner.Name.Reveal()
	}),
	"domain.expires":         zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].DomainExpires = days(30) }),
	"domain.expires_missing": zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].DomainExpires = subject.Date{} }),
	"domain.duplicate":       zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[1].Domains = a.Sites[0].Domains }).n(2),

	// site and App names, pre-approval
	"site.name_empty":             zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "   " }),
	"site.name_short":             zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "青禾" }),
	"site.name_min_han":           on(province.Tianjin, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "Qinghe官网" }),
	"site.name_digits":            zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "12345" }),
	"site.name_letters":           zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "Qinghe Portal" }),
	"site.name_domain":            zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = a.Sites[0].Domains[0] }),
	"site.name_symbol":            zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name += "！" }),
	"site.name_word":              zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "青禾廉政建设" }),
	"site.name_word_warning":      zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "青禾公司简介" }).kind(subject.Individual),
	"site.name_leading":           zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "中国青禾官网" }),
	"site.name_province_word":     on(province.Tianjin, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "青禾科技网站" }),
	"site.name_preapproval":       on(province.Sichuan, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "青禾新闻中心" }),
	"site.name_english":           on(province.Chongqing, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "青禾Cloud官网" }),
	"site.name_long":              zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "青禾的摄影札记与旅行日记本" }).kind(subject.Individual),
	"site.name_place":             zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Name = "青禾浙江旅行日记" }).kind(subject.Individual),
	"site.app_missing":            zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].ServiceType = icp.ServiceApp }),
	"app.name_word":               zj(func(a *icp.Application, _ *rand.Rand) { asApp(a, "青禾免费记账") }),
	"app.name_emoji":              zj(func(a *icp.Application, _ *rand.Rand) { asApp(a, "青禾记账😀") }),
	"app.name_generic":            zj(func(a *icp.Application, _ *rand.Rand) { asApp(a, "天气") }),
	"app.package":                 zj(func(a *icp.Application, _ *rand.Rand) { asApp(a, "青禾记账"); a.Sites[0].App.PackageName = "notes" }),
	"app.fingerprint":             zj(func(a *icp.Application, _ *rand.Rand) { asApp(a, "青禾记账"); a.Sites[0].App.AndroidMD5 = "xyz" }),
	"site.preapproval_individual": zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Description = "分享游戏攻略" }).kind(subject.Individual),
	"site.preapproval_needed":     zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Description = "提供游戏下载" }),
	"site.preapproval_commitment": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Description = "介绍游戏行业的研究报告"
		a.Sites[0].NotInvolved = true
		a.Materials = append(a.Materials, icp.MaterialRef{Kind: material.CommitmentLetter, For: "sites[0]",
			Path: MaterialPath(material.CommitmentLetter, "sites[0]"), IssuedOn: days(-7)})
	}),
	"site.preapproval_abolished": zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Description = "职工教育培训资料" }),

	// limits
	"limit.individual_services": on(province.Shaanxi, subject.Individual, func(a *icp.Application, _ *rand.Rand) { a.Subject.ExistingServices = 5 }),
	"limit.unit_sites":          on(province.Shaanxi, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) { a.Subject.ExistingServices = 30 }),
	"limit.sites_per_order":     on(province.Hubei, subject.Enterprise, func(*icp.Application, *rand.Rand) {}).n(2),
	"limit.domains_per_order":   on(province.Shanxi, subject.Enterprise, func(*icp.Application, *rand.Rand) {}).n(4),
	"limit.one_domain_per_site": on(province.Henan, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Domains = append(a.Sites[0].Domains, "www2-"+a.Sites[0].Domains[0])
	}),
	"limit.site_plan": on(province.Hunan, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) {
		a.Subject.ExistingServices = 1
		a.Materials = append(a.Materials, icp.MaterialRef{Kind: material.SitePlan, Path: MaterialPath(material.SitePlan, "")})
	}),

	// resource and access
	// The neutral default profile names no product, billing or term: these
	// are the Huawei profile's server rule.
	"resource.product":   zj(func(a *icp.Application, _ *rand.Rand) { a.Resource.Product = "cdn" }).with(icp.Huawei),
	"resource.billing":   zj(func(a *icp.Application, _ *rand.Rand) { a.Resource.Billing = "pay_as_you_go" }).with(icp.Huawei),
	"resource.months":    zj(func(a *icp.Application, _ *rand.Rand) { a.Resource.Months = 1 }).with(icp.Huawei),
	"resource.time_left": zj(func(a *icp.Application, _ *rand.Rand) { a.Resource.Expires = days(10) }).with(tencent),
	"resource.region":    zj(func(a *icp.Application, _ *rand.Rand) { a.Resource.Region = "hongkong" }),
	"access.provider":    zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Access.Provider = "" }),
	"access.ip_missing":  zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Access.IPs = nil }),
	"access.ip_private": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Access.IPs = []netip.Addr{netip.MustParseAddr("10.0.0.5")}
	}),
	"access.ip_reserved": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Access.IPs = []netip.Addr{netip.MustParseAddr("100.64.0.1")}
	}),
	"access.ip_documentation": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Access.IPs = []netip.Addr{netip.MustParseAddr("203.0.113.10")}
	}),
	"access.sites_per_instance": zj(func(*icp.Application, *rand.Rand) {}).n(6).with(tencent),

	// materials
	"material.missing":       zj(func(a *icp.Application, _ *rand.Rand) { a.Materials = a.Materials[1:] }),
	"material.unreadable":    zj(func(a *icp.Application, _ *rand.Rand) { a.Materials[0].Path = "missing/" + a.Materials[0].Path }),
	"material.not_inspected": {p: province.Zhejiang, k: subject.Enterprise, sites: 1, change: func(*icp.Application, *rand.Rand) {}, noOpener: true},
	"material.letter_old": on(province.Shanghai, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) {
		for i, m := range a.Materials {
			if m.Kind == material.AuthorizationLetter {
				a.Materials[i].IssuedOn = days(-200)
			}
		}
	}),
	"material.certificate_old": on(province.Hunan, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) {
		for i, m := range a.Materials {
			if m.Kind == material.DomainCertificate {
				a.Materials[i].IssuedOn = days(-60)
			}
		}
	}),
	"material.unknown_for": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Materials = append(a.Materials, icp.MaterialRef{Kind: material.Other, For: "sites[9]", Path: MaterialPath(material.Other, "sites[9]")})
	}),
	material.ProblemFormat:     zj(defectFile(material.ProblemFormat)),
	material.ProblemTooLarge:   zj(defectFile(material.ProblemTooLarge)).with(alibaba),
	material.ProblemTooSmall:   zj(defectFile(material.ProblemTooSmall)).with(tencent),
	material.ProblemDPILow:     zj(defectFile(material.ProblemDPILow)).with(alibaba),
	material.ProblemDPIUnknown: zj(defectFile(material.ProblemDPIUnknown)).with(alibaba),
	material.ProblemPixelsLow:  zj(defectFile(material.ProblemPixelsLow)).with(alibaba),
	material.ProblemEndMissing: zj(defectFile(material.ProblemEndMissing)),
	material.ProblemEXIF:       zj(defectFile(material.ProblemEXIF)),
	"material.photo_old": on(province.Shaanxi, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) {
		for i := range a.Materials {
			if a.Materials[i].Kind == material.VerificationPhoto {
				a.Materials[i].IssuedOn = days(-40)
			}
		}
	}),
	material.ProblemTooManyPixels: zj(defectFile(material.ProblemTooManyPixels)),
	material.ProblemGreyscale:     zj(defectFile(material.ProblemGreyscale)),
	material.ProblemTrailing:      zj(defectFile(material.ProblemTrailing)),
	material.ProblemTruncated:     zj(defectFile(material.ProblemTruncated)),

	// reuse of people and numbers, and the province duties
	"person.manager_is_owner": on(province.Tianjin, subject.Individual, func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Manager = a.Subject.Owner
	}),
	"person.reuse_unchecked": on(province.Tianjin, subject.Enterprise, func(*icp.Application, *rand.Rand) {}),
	"person.reused": on(province.Tianjin, subject.Enterprise, func(*icp.Application, *rand.Rand) {}).
		opts(icp.WithReuseLookup(func(kind, _ string) bool { return kind == "mobile" })),
	"subject.bianban_approval": on(province.InnerMongolia, subject.Government, func(*icp.Application, *rand.Rand) {}),
	"site.content_refused": on(province.Heilongjiang, subject.Individual, func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Content = []string{"other"}
	}),
	"site.personal_space_approval": on(province.Jiangxi, subject.Individual, func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Content = []string{"personal_space"}
	}),
	"site.commercial_licence": zj(func(a *icp.Application, _ *rand.Rand) { a.Sites[0].Commercial = true }),
	"site.licence_kind": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Commercial = true
		a.Sites[0].Licence = number(a, "-1")
	}),
	"access.resolved_ip": zj(func(*icp.Application, *rand.Rand) {}),
	"site.filed_sites_open": on(province.Henan, subject.Enterprise, func(a *icp.Application, _ *rand.Rand) {
		a.FilingType = icp.NewSite
		a.Subject.Number = number(a, "")
	}),
	"domain.confusable": zj(func(a *icp.Application, _ *rand.Rand) {
		a.Sites[0].Domains[0] = "\u0430" + a.Sites[0].Domains[0] // a Cyrillic а before Latin letters
	}),
	"domain.foreign_registrar": zj(func(*icp.Application, *rand.Rand) {}),

	// The offline checks are reported for every application of their
	// filing types: the valid application itself shows them.
	"offline.mobile_real_name":  zj(func(*icp.Application, *rand.Rand) {}),
	"offline.face_verification": zj(func(*icp.Application, *rand.Rand) {}),
	"offline.seals":             zj(func(*icp.Application, *rand.Rand) {}),
	"offline.sms_verification":  zj(func(*icp.Application, *rand.Rand) {}),
	"offline.domain_real_name":  zj(func(*icp.Application, *rand.Rand) {}),
}

func (t trigger) kind(k subject.Kind) trigger { t.k = k; return t }

// patched returns the default rule table with rows replaced.
func patched(rows string) *province.Table {
	t, err := province.Default().Patch(strings.NewReader(rows))
	if err != nil {
		panic("icptest: " + err.Error())
	}
	return t
}

// badCheck returns s with its last character replaced by a wrong one.
func badCheck(s string) string {
	if s == "" {
		return "1"
	}
	if s[len(s)-1] == '1' {
		return s[:len(s)-1] + "2"
	}
	return s[:len(s)-1] + "1"
}

// build returns the application of t: the same for every call.
func (t trigger) build() icp.Application {
	r := rand.New(rand.NewPCG(19, 2026))
	var opts []Option
	if t.profile != nil {
		opts = append(opts, WithProfile(*t.profile))
	}
	a := Application(r, t.p, t.k, t.sites, opts...)
	t.change(&a, r)
	return a
}

// Trigger returns an application that makes [icp.Check] report the
// finding code, and whether the code has a trigger: a valid [Application]
// (Zhejiang enterprise unless the code is a rule of another province or
// kind) with one change, such as a virtual mobile for contact.mobile_sms
// or an over-sized licence scan for material.too_large. Check it with
// [TriggerOptions](code): the day, the material opener and, for a few
// codes, a profile (the server and e-mail rules are the providers'), a
// phone locator, a reuse lookup or a patched rule table. Other findings may come along (a
// mobile that is not a basic operator's is also not a valid emergency
// number), but the code is always among them.
//
// Every code Check can report has a trigger; the offline reminders
// (offline.*, domain.foreign_registrar) are reported for every valid
// application, and a few infos (contact.local_unchecked,
// person.reuse_unchecked, access.resolved_ip) for those of the provinces
// with such rules, so their triggers change nothing but the province.
// Codes of other functions (footer.*, audit.*, plan.*, validate.*) and
// structure.invalid, which no struct tag of an application can raise, have
// none.
func Trigger(code string) (icp.Application, bool) {
	t, ok := triggers[code]
	if !ok {
		return icp.Application{}, false
	}
	return t.build(), true
}

// TriggerOptions returns the options to check [Trigger](code) with:
// icp.At([DefaultDate]), the profile the trigger needs, a material opener
// on [Materials] (left out for material.not_inspected) and what a few
// codes need besides: a phone locator that places every mobile in another
// province (contact.local, contact.local_remark), a reuse lookup that
// knows every mobile (person.reused), a rule table patched to state an age
// floor without its documents (person.age_proof). It returns nil for a
// code without a trigger.
func TriggerOptions(code string) []icp.Option {
	t, ok := triggers[code]
	if !ok {
		return nil
	}
	return t.options(t.build())
}

// options returns the options to check app, built from t, with.
func (t trigger) options(app icp.Application) []icp.Option {
	opts := []icp.Option{icp.At(DefaultDate)}
	if t.profile != nil {
		opts = append(opts, icp.WithProfile(*t.profile))
	}
	if !t.noOpener {
		opts = append(opts, icp.WithMaterialOpener(Opener(Materials(app))))
	}
	return append(opts, t.extra...)
}

// TriggerCodes returns the codes that have a trigger, sorted.
func TriggerCodes() []string {
	out := make([]string, 0, len(triggers))
	for c := range triggers {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// endlessFill is an upload that never ends: JPEG fill bytes forever.
type endlessFill struct{}

func (endlessFill) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 0xFF
	}
	return len(p), nil
}
