package icptest

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/workday"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// DefaultDate is the day [Application] builds for when no [At] option is
// given: noon of 2026-11-26 in China (UTC+8), the day the embedded rule
// tables were last verified. It is a fixed date so that tests never depend
// on the clock; check with icp.At(icptest.DefaultDate).
var DefaultDate = time.Date(2026, 11, 26, 12, 0, 0, 0, workday.China)

// An Option changes what [Application] builds.
type Option func(*config)

type config struct {
	at      time.Time
	profile icp.Profile
}

// At sets the day the application must be valid on (default
// [DefaultDate]): people's ages, document and domain validity and the
// dates of letters are counted from it, and the province rules in force on
// that day decide which materials are attached.
func At(t time.Time) Option { return func(c *config) { c.at = t } }

// WithProfile sets the provider profile the application is made for
// (default [icp.Default]): the server product and billing are taken from
// its server rule.
func WithProfile(p icp.Profile) Option { return func(c *config) { c.profile = p } }

func newConfig(opts []Option) config {
	c := config{at: DefaultDate, profile: icp.Default}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// Words for synthetic names: brand syllables with a pinyin form for
// domains, and Chinese given-name characters. None is a pre-approval
// keyword or a banned site-name word.
var (
	brands = []struct{ han, latin string }{
		{"青禾", "qinghe"}, {"远帆", "yuanfan"}, {"松涛", "songtao"}, {"云岫", "yunxiu"}, {"澄明", "chengming"},
		{"晨曦", "chenxi"}, {"栖木", "qimu"}, {"望舒", "wangshu"}, {"知行", "zhixing"}, {"拾光", "shiguang"},
		{"星野", "xingye"}, {"鹿鸣", "luming"}, {"蓝桥", "lanqiao"}, {"明川", "mingchuan"}, {"嘉禾", "jiahe"},
	}
	surnames = []struct{ han, latin string }{
		{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"杨", "yang"}, {"黄", "huang"},
		{"赵", "zhao"}, {"吴", "wu"}, {"周", "zhou"}, {"徐", "xu"}, {"孙", "sun"}, {"马", "ma"}, {"朱", "zhu"},
		{"胡", "hu"}, {"郭", "guo"}, {"何", "he"}, {"林", "lin"}, {"罗", "luo"}, {"郑", "zheng"}, {"梁", "liang"},
		{"谢", "xie"}, {"宋", "song"}, {"唐", "tang"}, {"许", "xu"}, {"韩", "han"}, {"冯", "feng"}, {"邓", "deng"},
	}
	givenMale   = []rune("伟强磊军洋勇杰涛明超刚建文辉宁俊浩宇轩晨睿博航鹏")
	givenFemale = []rune("芳娜敏静丽艳娟秀霞萍红欣怡佳然雨涵梓嘉诗琪婷悦")
	unitSites   = []string{"官网", "产品中心", "客户服务", "技术文档", "招聘信息", "合作伙伴", "服务指南", "帮助中心", "办事指南", "案例展示"}
	hobbies     = []string{"摄影札记", "读书笔记", "旅行日记", "烘焙手账", "跑步记录", "园艺随笔", "编程笔记", "书法练习", "观鸟日志", "手工小记"}
	roads       = []string{"建设路", "解放路", "中山路", "人民路", "新华路", "和平路", "长江路", "青年路", "光明路", "胜利路"}
	suffixes    = []string{"com", "cn", "net", "com.cn", "net.cn"}
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// personName returns a synthetic Chinese name and a Latin form for e-mail
// addresses.
func personName(r *rand.Rand, female bool) (han, latin string) {
	s := pick(r, surnames)
	g := givenMale
	if female {
		g = givenFemale
	}
	name := s.han + string(pick(r, g))
	if r.IntN(3) > 0 {
		name += string(pick(r, g))
	}
	return name, s.latin
}

// person builds a synthetic person with an ID card of p aged between
// minAge and maxAge on at, two distinct basic mobiles not in used, and an
// e-mail address at domain.
func person(r *rand.Rand, p province.Province, at time.Time, minAge, maxAge int, role, domain string, used map[string]bool) subject.Person {
	female := r.IntN(2) == 0
	age := minAge + r.IntN(maxAge-minAge+1)
	birth := time.Date(at.Year()-age, at.Month(), at.Day(), 12, 0, 0, 0, workday.China).AddDate(0, 0, -1-r.IntN(300))
	id := ResidentID(r, p, birth, female)
	name, latin := personName(r, female)
	mobile := func() subject.Secret {
		for {
			m := Mobile(r, subject.Basic).Number()
			if !used[m] {
				used[m] = true
				return subject.Secret(m)
			}
		}
	}
	valid := subject.DateOf(at.AddDate(5, r.IntN(12), r.IntN(28)))
	return subject.Person{
		Name:           subject.Secret(name),
		Document:       subject.Document{Type: subject.ResidentIDCard, Number: subject.Secret(id.Number()), ValidUntil: valid},
		Mobile:         mobile(),
		EmergencyPhone: mobile(),
		Email:          subject.Secret(role + "." + latin + strconv.Itoa(1000+r.IntN(9000)) + "@" + domain),
	}
}

// unitCertificate returns the certificate type a unit of kind k files with
// here: the usual credit-code certificate of the kind; a military unit's 部队代码;
// an organisation-code certificate for a foreign representative office
// (whose own registration-certificate number has no documented format).
func unitCertificate(r *rand.Rand, k subject.Kind, p province.Province) subject.Document {
	switch k {
	case subject.Military:
		return subject.Document{Type: subject.MilitaryCode, Number: subject.Secret(CreditCode(r, k, p).String())}
	case subject.ForeignRepresentative:
		return subject.Document{Type: subject.OrganizationCodeCertificate, Number: subject.Secret(OrgCode(r))}
	}
	t := map[subject.Kind]subject.DocType{
		subject.Enterprise: subject.BusinessLicense, subject.IndividualBusiness: subject.BusinessLicense,
		subject.Government: subject.CreditCodeCertificate, subject.Institution: subject.InstitutionCertificate,
		subject.SocialOrganization: subject.SocialOrganizationCertificate, subject.PrivateNonEnterprise: subject.PrivateNonEnterpriseCertificate,
		subject.Foundation: subject.FoundationCertificate, subject.LawFirm: subject.LawFirmLicense,
	}[k]
	return subject.Document{Type: t, Number: subject.Secret(CreditCode(r, k, p).String())}
}

// unitName returns a synthetic unit name of kind k in the city of a.
func unitName(k subject.Kind, p province.Province, a area, brand string) string {
	city := strings.TrimSuffix(a.city, "市")
	if a.city == "" {
		city = p.ShortName()
	}
	switch k {
	case subject.IndividualBusiness:
		return city + a.district + brand + "电脑服务部"
	case subject.Government:
		return city + a.district + brand + "街道办事处"
	case subject.Institution:
		return city + brand + "信息中心"
	case subject.SocialOrganization:
		return city + brand + "软件行业协会"
	case subject.PrivateNonEnterprise:
		return city + brand + "社会工作服务中心"
	case subject.Foundation:
		return city + brand + "公益基金会"
	case subject.LawFirm:
		return p.ShortName() + brand + "律师事务所"
	case subject.Military:
		return brand + "服务保障中心"
	case subject.ForeignRepresentative:
		return brand + "（新加坡）有限公司" + city + "代表处"
	}
	return city + brand + "科技有限公司"
}

// address returns an address in a down to the room number.
func address(r *rand.Rand, p province.Province, a area) string {
	return fmt.Sprintf("%s%s%s%s%d号%d栋%d单元%d室", p.Name(), a.city, a.district, pick(r, roads),
		1+r.IntN(300), 1+r.IntN(12), 1+r.IntN(4), 101+100*r.IntN(20)+r.IntN(6))
}

// domainSuffix returns the suffix a site of kind k uses: .gov.cn for
// government bodies and the .cn family for public institutions (icp's
// kind-suffix rule), a common fileable suffix otherwise.
func domainSuffix(r *rand.Rand, k subject.Kind, i int) string {
	switch k {
	case subject.Government:
		return "gov.cn"
	case subject.Institution:
		return []string{"cn", "org.cn", "com.cn"}[i%3]
	}
	if i == 0 {
		return pick(r, suffixes[:3])
	}
	return pick(r, suffixes)
}

// Application returns a complete first-filing application for a subject
// of kind k in province p with the given number of websites (at least 1):
// a unit or person with a synthetic name, certificate, address to the room
// number and landline; a legal representative as the unit's manager and a
// second person as its sites' manager (for an individual, the person
// manages the sites); people aged 25 to 50 with ID cards of p and distinct
// basic mobiles; one fileable domain per site, held by the subject and
// registered for two more years; a server rented by subscription for a
// year from the profile's products; and every material Check asks for in p
// on that day, at paths that [Materials] serves with files that pass the
// built-in profiles.
//
// The result passes [icp.Check] with no error when checked with
// icp.At(the same day), icp.WithProfile(the same profile) and, optionally,
// icp.WithMaterialOpener([Opener]([Materials](app))) — except where a
// province rule makes the combination impossible (more sites or domains
// than the province takes in one order; see the package tests). The same r
// state gives the same application. Every value is synthetic and must
// never be used as real data.
//
// The mobiles are basic operators' numbers but have no home province
// offline: a panel that checks with icp.WithPhoneLocator and a real
// number-location table may see contact.local in the provinces that want
// local numbers.
//
// Application panics if p or k is invalid or sites is not between 1 and
// [icp.MaxSites].
func Application(r *rand.Rand, p province.Province, k subject.Kind, sites int, opts ...Option) icp.Application {
	if !k.IsValid() {
		panic(fmt.Sprintf("icptest: Application: invalid kind %d", uint8(k)))
	}
	if sites < 1 || sites > icp.MaxSites {
		panic(fmt.Sprintf("icptest: Application: %d sites (want 1 to %d)", sites, icp.MaxSites))
	}
	c := newConfig(opts)
	at := c.at
	today := subject.DateOf(at)
	a := pickArea(r, p)
	b := pick(r, brands)
	serial := strconv.Itoa(10 + r.IntN(90))

	domains := make([]string, sites)
	for i := range domains {
		domains[i] = b.latin + serial + "-" + strconv.Itoa(i+1) + "." + domainSuffix(r, k, i)
		if i == 0 {
			domains[i] = b.latin + serial + "." + domainSuffix(r, k, i)
		}
	}
	rules := province.Default().RulesAt(p, at)
	used := map[string]bool{}
	var s icp.ApplicationSubject
	s.Kind = k
	s.Province = p
	s.Address = address(r, p, a)
	var manager subject.Person
	if k == subject.Individual {
		owner := person(r, p, at, 25, 45, "me", domains[0], used)
		s.Name = owner.Name.Reveal()
		s.Certificate = owner.Document
		s.Owner = owner
		manager = owner
		if v, ok := rules.ManagerNotOwner.Get(); ok && v {
			// 天津: the sites need a manager other than the owner.
			manager = person(r, p, at, 25, 40, "web", domains[0], used)
		}
	} else {
		s.Name = unitName(k, p, a, b.han)
		s.Certificate = unitCertificate(r, k, p)
		s.Landline = subject.Secret(Landline(r, p))
		s.Owner = person(r, p, at, 35, 50, "legal", domains[0], used)
		s.Owner.LegalRepresentative = true
		manager = person(r, p, at, 25, 40, "web", domains[0], used)
	}
	app := icp.Application{
		FilingType: icp.FirstFiling,
		Province:   p,
		Subject:    s,
		Resource:   icp.Resource{Product: "ecs", Billing: "subscription", Months: 12, Region: "mainland"},
	}
	if ps := c.profile.Server.Products(); len(ps) > 0 {
		app.Resource.Product = ps[0]
	}
	if bs := c.profile.Server.Billing(); len(bs) > 0 {
		app.Resource.Billing = bs[0]
	}
	app.Resource.Months = max(12, c.profile.Server.MinMonths)
	// Bought a month ago: the term runs on for most of the months bought.
	app.Resource.Expires = subject.DateOf(at.AddDate(0, app.Resource.Months-1, 0))
	ip := netip.AddrFrom4([4]byte{47, byte(96 + r.IntN(32)), byte(r.IntN(256)), byte(1 + r.IntN(254))})
	for i := range sites {
		st := icp.Site{
			ServiceType:   icp.ServiceWebsite,
			Domains:       []string{domains[i]},
			Manager:       manager,
			DomainHolder:  s.Name,
			DomainExpires: subject.DateOf(at.AddDate(2, 0, r.IntN(300))),
			Access:        icp.Access{Provider: "icptest-cloud", IPs: []netip.Addr{ip}},
		}
		if k == subject.Individual {
			given := []rune(s.Name)[1:]
			st.Name = string(given) + hobbies[(i+r.IntN(len(hobbies)))%len(hobbies)]
			for j := 0; j < i; j++ {
				if app.Sites[j].Name == st.Name {
					st.Name = string(given) + hobbies[(i+j+1)%len(hobbies)]
				}
			}
			st.Content = individualContent(rules)
			st.Description = "记录" + strings.TrimPrefix(st.Name, string(given)) + "，不含商业内容"
		} else {
			st.Name = b.han + unitSites[i%len(unitSites)]
			if i >= len(unitSites) {
				st.Name += strconv.Itoa(i/len(unitSites) + 1)
			}
			st.Content = []string{"portal"}
			st.Description = "介绍" + s.Name + "的业务和联系方式"
		}
		app.Sites = append(app.Sites, st)
	}
	addMaterials(&app, c, today)
	return app
}

// individualContent returns the service content of an individual's hobby
// site: 其他 (other), or where the province refuses it a personal space if
// that is accepted without approval, or none.
func individualContent(rules province.Rules) []string {
	refused, _ := rules.ServiceContentRefused.Get()
	if !refused.Contains("other") && !refused.Contains("其他") {
		return []string{"other"}
	}
	accepted, known := rules.PersonalSpaceAccepted.Get()
	approval, _ := rules.PersonalSpaceNeedsApproval.Get()
	if (accepted || !known) && !approval && !refused.Contains("personal_space") && !refused.Contains("个人空间或博客") {
		return []string{"personal_space"}
	}
	return nil
}

// addMaterials attaches every material Check finds missing, at paths
// Materials serves, dated a week before today where a date matters. What
// Check asks for depends on the application and the province rules, not
// on the materials already attached, so one pass is enough.
func addMaterials(app *icp.Application, c config, today subject.Date) {
	week := subject.DateOf(today.Time().AddDate(0, 0, -7))
	r := icp.Check(*app, icp.At(c.at), icp.WithProfile(c.profile))
	for _, f := range r.Findings {
		if f.Code != "material.missing" {
			continue
		}
		k, ok := kindIn(f.Params["kind"])
		if !ok {
			continue
		}
		forPath := f.Params["for"]
		if forPath == "-" {
			forPath = ""
		}
		ref := icp.MaterialRef{Kind: k, For: forPath, Path: MaterialPath(k, forPath)}
		switch k {
		case material.AuthorizationLetter, material.DomainCertificate, material.CommitmentLetter,
			material.FilingCommitment, material.PartyBuildingLetter, material.TruthfulnessNotice, material.TruthfulnessCommitment:
			ref.IssuedOn = week
		}
		app.Materials = append(app.Materials, ref)
	}
}

// kindIn finds the material kind token in a material.missing parameter
// ("id_card_front 身份证人像面").
func kindIn(param string) (material.Kind, bool) {
	for _, tok := range strings.Fields(param) {
		if k, err := material.ParseKind(tok); err == nil {
			return k, true
		}
	}
	return 0, false
}

// MaterialPath returns the path [Application] gives a material of kind k
// belonging to forPath ("subject.owner", "sites[0]" or "" for the
// application): materials/<for>/<kind>.jpg, or .mp4 for the commitment
// video. [Materials] serves a valid file at every such path.
func MaterialPath(k material.Kind, forPath string) string {
	if forPath == "" {
		forPath = "application"
	}
	ext := ".jpg"
	if k == material.CommitmentVideo {
		ext = ".mp4"
	}
	return "materials/" + forPath + "/" + k.String() + ext
}
