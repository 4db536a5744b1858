package icp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

var checkDay = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// Synthetic identifiers that pass their checksums.
func synthID(first17 string) string { return first17 + string(subject.ResidentIDCheck(first17)) }
func synthCC(first17 string) string { return first17 + string(subject.CreditCodeCheck(first17)) }

var (
	ownerID   = synthID("33010619850307123") // Zhejiang, male, born 1985
	managerID = synthID("33010219900512234") // Zhejiang, female? (digit 17 = 4 → female)
	zjCC      = synthCC("91330106MA2H0K3L7")
)

func enterpriseApp() Application {
	owner := subject.Person{Name: "张三", Document: subject.Document{Type: subject.ResidentIDCard, Number: subject.Secret(ownerID)},
		Mobile: "13800138000", EmergencyPhone: "13900139000", Email: "admin@example.com", LegalRepresentative: true}
	site := func(name, domain string, ip string) Site {
		return Site{Name: name, ServiceType: ServiceWebsite, Domains: []string{domain}, Content: []string{"portal"},
			Description: "公司介绍与产品展示", Manager: owner, DomainHolder: "杭州示例网络科技有限公司",
			DomainExpires: subject.Date{Year: 2028, Month: 1, Day: 1},
			Access:        Access{Provider: "aliyun", IPs: []netip.Addr{netip.MustParseAddr(ip)}}}
	}
	return Application{
		FilingType: FirstFiling,
		Province:   province.Zhejiang,
		Subject: ApplicationSubject{Subject: subject.Subject{
			Kind: subject.Enterprise, Name: "杭州示例网络科技有限公司",
			Certificate: subject.Document{Type: subject.BusinessLicense, Number: subject.Secret(zjCC)},
			Address:     "浙江省杭州市西湖区文三路100号5幢301室", Owner: owner,
		}},
		Sites: []Site{
			site("示例网络科技官网", "example.com", "121.40.10.10"),
			site("示例产品手册", "example.cn", "121.40.10.10"),
			site("示例客户服务中心", "example.com.cn", "121.40.10.11"),
		},
		Resource: Resource{Product: "ecs", Billing: "subscription", Months: 12},
		Materials: []MaterialRef{{Kind: material.BusinessLicense, Path: "licence.jpg"},
			{Kind: material.IDCardFront, Path: "id-front.jpg", For: "subject.owner"},
			{Kind: material.IDCardBack, Path: "id-back.jpg", For: "subject.owner"}},
	}
}

func individualApp() Application {
	p := subject.Person{Name: "李小明", Document: subject.Document{Type: subject.ResidentIDCard, Number: subject.Secret(managerID)},
		Mobile: "13700137000", EmergencyPhone: "13600136000", Email: "lxm@example.net"}
	return Application{
		FilingType: FirstFiling,
		Province:   province.Zhejiang,
		Subject: ApplicationSubject{Subject: subject.Subject{
			Kind: subject.Individual, Name: "李小明", Certificate: p.Document,
			Address: "浙江省杭州市上城区解放路88号2单元501室", Owner: p,
		}},
		Sites: []Site{{Name: "小明读书笔记", ServiceType: ServiceWebsite, Domains: []string{"xiaoming-notes.cn"},
			Content: []string{"other"}, Description: "记录读书心得", Manager: p, DomainHolder: "李小明",
			DomainExpires: subject.Date{Year: 2027, Month: 10, Day: 1},
			Access:        Access{Provider: "tencent", IPs: []netip.Addr{netip.MustParseAddr("42.192.1.1")}}}},
		Resource:  Resource{Product: "lightweight", Billing: "subscription", Months: 3},
		Materials: []MaterialRef{{Kind: material.IDCardFront, Path: "front.jpg"}, {Kind: material.IDCardBack, Path: "back.jpg"}},
	}
}

func tencentApp() Application {
	a := enterpriseApp()
	a.Resource.Product = "cvm"
	return a
}

// badCheck returns s with its last character replaced by a wrong one.
func badCheck(s string) string {
	if s[len(s)-1] == '1' {
		return s[:len(s)-1] + "2"
	}
	return s[:len(s)-1] + "1"
}

func errorsOf(r Report) []string {
	var out []string
	for _, f := range r.Errors() {
		out = append(out, f.Code+"@"+f.Field)
	}
	return out
}

func TestCheckValidApplications(t *testing.T) {
	for name, app := range map[string]Application{"enterprise": enterpriseApp(), "individual": individualApp()} {
		t.Run(name, func(t *testing.T) {
			r := Check(app, At(checkDay))
			assert.True(t, r.OK(), "errors: %v", errorsOf(r))
			assert.Empty(t, r.Warnings(), "%v", r.Warnings())
			assert.True(t, r.Has("offline.face_verification"), "offline checks are listed as info")
			assert.True(t, r.Has("material.not_inspected"))
		})
	}
}

// codesOf lists code@field of every finding of severity at least sev.
func codesOf(r Report, sev Severity) []string {
	var out []string
	for _, f := range r.Findings {
		if f.Severity >= sev {
			out = append(out, f.Code+"@"+f.Field)
		}
	}
	return out
}

func TestCheckRules(t *testing.T) {
	type mut func(a *Application)
	tests := []struct {
		rule string
		base func() Application
		mut  mut
		want string // code@field expected among errors and warnings
		opts []Option
	}{
		// filing_type
		{"filing_type", enterpriseApp, func(a *Application) { a.Subject.Number = MustParseNumber("浙ICP备2021000001号") }, "filing.subject_number_forbidden@subject.number", nil},
		{"filing_type", enterpriseApp, func(a *Application) { a.FilingType = NewSite }, "filing.subject_number_required@subject.number", nil},
		{"filing_type", enterpriseApp, func(a *Application) {
			a.FilingType = ChangeSite
			a.Subject.Number = MustParseNumber("浙ICP备2021000001号")
		}, "filing.site_number_required@sites[0].number", nil},
		{"filing_type", enterpriseApp, func(a *Application) {
			a.FilingType = ChangeSite
			a.Subject.Number = MustParseNumber("浙ICP备2021000001号")
			for i := range a.Sites {
				a.Sites[i].Number = MustParseNumber("浙ICP备2021000009号-" + strconv.Itoa(i+1))
			}
		}, "filing.site_number_other_subject@sites[0].number", nil},
		{"filing_type", enterpriseApp, func(a *Application) {
			a.FilingType = NewSite
			a.Subject.Number = MustParseNumber("京ICP备12345678号")
		}, "filing.number_province@subject.number", nil},
		{"filing_type", enterpriseApp, func(a *Application) { a.FilingType = SiteMigration }, "filing.type_not_application@filing_type", nil},
		{"filing_type", enterpriseApp, func(a *Application) { a.Sites = nil }, "filing.no_sites@sites", nil},
		// structure
		{"structure", enterpriseApp, func(a *Application) { a.Subject.Name = "" }, "structure.required@subject.name", nil},
		{"structure", enterpriseApp, func(a *Application) { a.Sites[1].Manager.EmergencyPhone = "" }, "structure.required@sites[1].manager.emergency_phone", nil},
		{"structure", enterpriseApp, func(a *Application) { a.Sites[0].Description = strings.Repeat("长", 1001) }, "structure.too_long@sites[0].description", nil},
		{"structure", enterpriseApp, func(a *Application) { a.Province = 0 }, "structure.required@province", nil},
		// certificate
		{"certificate", enterpriseApp, func(a *Application) { a.Subject.Certificate.Type = subject.OrganizationCodeCertificate }, "subject.certificate_type@subject.certificate.type", nil},
		{"certificate", enterpriseApp, func(a *Application) { a.Subject.Certificate.Number = subject.Secret(badCheck(zjCC)) }, "subject.certificate_number@subject.certificate.number", nil},
		{"certificate", enterpriseApp, func(a *Application) {
			a.Subject.Certificate.Number = subject.Secret(synthCC("12330106MA2H0K3L7"))
		}, "subject.uscc_kind@subject.kind", nil},
		{"certificate", enterpriseApp, func(a *Application) {
			a.Subject.Certificate.Number = subject.Secret(synthCC("91320106MA2H0K3L7"))
		}, "subject.certificate_province@subject.certificate.number", nil},
		// people
		{"people", enterpriseApp, func(a *Application) { a.Subject.Owner.Document.Number = "33010619850307123X" }, "person.document@subject.owner.document.number", nil},
		{"people", enterpriseApp, func(a *Application) {
			young := subject.Secret(synthID("33010620120101123"))
			a.Subject.Owner.Document.Number = young
			for i := range a.Sites {
				a.Sites[i].Manager.Document.Number = young
			}
		}, "person.age_below@subject.owner.document.number", nil},
		{"people", enterpriseApp, func(a *Application) { a.Subject.Owner.LegalRepresentative = false }, "subject.owner_legal_rep@subject.owner.legal_representative", nil},
		{"people", enterpriseApp, func(a *Application) { a.Subject.Owner.Document.ValidUntil = subject.Date{Year: 2027, Month: 1, Day: 1} }, "document.validity@subject.owner.document.valid_until", nil},
		{"people", enterpriseApp, func(a *Application) { a.Subject.Owner.Name = "张三3" }, "person.name@subject.owner.name", nil},
		// address
		{"address", enterpriseApp, func(a *Application) { a.Subject.Address = "浙江省杭州市西湖区文三路" }, "address.no_house_number@subject.address", nil},
		{"address", enterpriseApp, func(a *Application) { a.Subject.Address = "江苏省南京市玄武区中山路1号" }, "address.province_mismatch@subject.address", nil},
		// unit name
		{"unit_name", enterpriseApp, func(a *Application) { a.Subject.LicenceName = "杭州示例信息科技有限公司" }, "subject.name_licence@subject.name", nil},
		// individual
		{"individual", individualApp, func(a *Application) {
			id := subject.Secret(synthID("41010219900512234"))
			a.Subject.Owner.Document.Number, a.Subject.Certificate.Number, a.Sites[0].Manager.Document.Number = id, id, id
			a.Province = province.Henan
			a.Subject.Address = "河南省郑州市金水区花园路1号"
		}, "", nil}, // same province: no finding; the next row is the failing one
		{"individual", individualApp, func(a *Application) {
			id := subject.Secret(synthID("41010219900512234"))
			a.Subject.Owner.Document.Number, a.Subject.Certificate.Number, a.Sites[0].Manager.Document.Number = id, id, id
		}, "material.missing@materials", nil}, // Henan ID filing in Zhejiang: residence proof required
		{"individual", individualApp, func(a *Application) { a.Sites[0].Content = []string{"personal_space"} }, "site.personal_space@sites[0].content", nil},
		// contacts
		{"contacts", enterpriseApp, func(a *Application) { a.Subject.Owner.Mobile = "17001234567" }, "contact.mobile_sms@subject.owner.mobile", nil},
		{"contacts", enterpriseApp, func(a *Application) { a.Subject.Owner.EmergencyPhone = "16512345678" }, "contact.emergency_virtual@subject.owner.emergency_phone", []Option{WithProfile(Alibaba)}},
		{"contacts", enterpriseApp, func(a *Application) { a.Subject.Owner.EmergencyPhone = "13800138000" }, "contact.emergency_same@subject.owner.emergency_phone", nil},
		{"contacts", enterpriseApp, func(a *Application) {
			a.Sites[0].Manager.Document.Number = subject.Secret(managerID)
			a.Sites[0].Manager.Name = "李四"
		}, "contact.shared_phone@sites[0].manager.mobile", nil},
		{"contacts", enterpriseApp, func(a *Application) { a.Subject.Owner.Email = "admin@@example" }, "contact.email@subject.owner.email", nil},
		{"contacts", enterpriseApp, func(a *Application) { a.Subject.Owner.Email = "boss@qq.com" }, "contact.company_email@subject.owner.email", []Option{WithProfile(Alibaba)}},
		{"contacts", enterpriseApp, func(a *Application) { a.Subject.Owner.Mobile = "14012345678" }, "contact.mobile@subject.owner.mobile", nil},
		// domains
		{"domains", enterpriseApp, func(a *Application) { a.Sites[0].Domains = []string{"www.example.com"} }, "domain.subdomain@sites[0].domains[0]", nil},
		{"domains", enterpriseApp, func(a *Application) { a.Sites[0].Domains = []string{"аррӏе.com"} }, "domain.confusable@sites[0].domains[0]", nil},
		{"domains", enterpriseApp, func(a *Application) { a.Sites[0].Domains = []string{"example.io"} }, "domain.tld@sites[0].domains[0]", nil},
		{"domains", enterpriseApp, func(a *Application) { a.Sites[0].Domains = []string{"192.168.1.1"} }, "domain.invalid@sites[0].domains[0]", nil},
		{"domains", enterpriseApp, func(a *Application) { a.Sites[0].DomainHolder = "别的公司" }, "domain.holder@sites[0].domain_holder", nil},
		{"domains", enterpriseApp, func(a *Application) { a.Sites[0].DomainExpires = subject.Date{Year: 2027, Month: 1, Day: 15} }, "domain.expires@sites[0].domain_expires", nil},
		{"domains", enterpriseApp, func(a *Application) { a.Sites[1].Domains = []string{"example.com"} }, "domain.duplicate@sites[1].domains[0]", nil},
		{"domains", enterpriseApp, func(a *Application) {
			a.Subject.Kind = subject.Government
			a.Subject.Certificate = subject.Document{Type: subject.CreditCodeCertificate, Number: subject.Secret(synthCC("11330106MA2H0K3L7"))}
		}, "domain.kind_suffix@sites[0].domains[0]", nil},
		{"domains", enterpriseApp, func(a *Application) {
			a.Province = province.Henan
			a.Subject.Certificate.Number = subject.Secret(synthCC("91410106MA2H0K3L7"))
			a.Subject.Address = "河南省郑州市金水区花园路1号"
			a.Sites[0].DomainHolder = "张三"
		}, "domain.holder_legal_rep@sites[0].domain_holder", nil},
		// sites
		{"sites", enterpriseApp, func(a *Application) { a.Sites[0].Name = "中国示例网" }, "site.name_leading@sites[0].name", nil},
		{"sites", enterpriseApp, func(a *Application) { a.Sites[0].Description = "私募基金理财服务" }, "site.preapproval_needed@sites[0].description", nil},
		{"sites", individualApp, func(a *Application) { a.Sites[0].Name = "小明游戏攻略" }, "site.preapproval_individual@sites[0].name", nil},
		{"sites", enterpriseApp, func(a *Application) { a.Sites[0].ServiceType = ServiceApp }, "site.app_missing@sites[0].app", nil},
		{"sites", enterpriseApp, func(a *Application) {
			a.Sites[0].ServiceType = ServiceApp
			a.Sites[0].App = &AppInfo{PackageName: "example", AndroidMD5: "xyz"}
		}, "app.package@sites[0].app.package_name", nil},
		// limits
		{"limits", individualApp, func(a *Application) { a.Subject.ExistingServices = 5 }, "limit.individual_services@sites", []Option{WithProfile(huaweiAnyProduct())}},
		// resource
		{"resource", enterpriseApp, func(a *Application) { a.Resource.Billing = "pay_as_you_go" }, "resource.billing@resource.billing", []Option{WithProfile(Alibaba)}},
		{"resource", enterpriseApp, func(a *Application) { a.Resource.Months = 1 }, "resource.months@resource.months", []Option{WithProfile(Alibaba)}},
		{"resource", enterpriseApp, func(a *Application) { a.Resource.Product = "cvm" }, "resource.product@resource.product", []Option{WithProfile(Alibaba)}},
		{"resource", tencentApp, func(a *Application) { a.Resource.Product = "ecs" }, "resource.product@resource.product", []Option{WithProfile(Tencent)}},
		{"resource", enterpriseApp, func(a *Application) { a.Resource.Region = "hongkong" }, "resource.region@resource.region", nil},
		// access
		{"access", enterpriseApp, func(a *Application) { a.Sites[0].Access.IPs = []netip.Addr{netip.MustParseAddr("10.0.0.5")} }, "access.ip_private@sites[0].access.ips[0]", nil},
		{"access", enterpriseApp, func(a *Application) { a.Sites[0].Access.IPs = []netip.Addr{netip.MustParseAddr("100.64.0.1")} }, "access.ip_reserved@sites[0].access.ips[0]", nil},
		{"access", enterpriseApp, func(a *Application) { a.Sites[0].Access.IPs = []netip.Addr{netip.MustParseAddr("203.0.113.10")} }, "access.ip_documentation@sites[0].access.ips[0]", nil},
		{"access", enterpriseApp, func(a *Application) { a.Sites[0].Access.Provider = "" }, "access.provider@sites[0].access.provider", nil},
		{"access", tencentApp, func(a *Application) {
			for i := 0; i < 4; i++ {
				s := a.Sites[0]
				s.Domains = []string{"example" + strconv.Itoa(i) + ".net"}
				a.Sites = append(a.Sites, s)
			}
		}, "access.sites_per_instance@sites", []Option{WithProfile(Tencent)}},
		// materials
		{"materials", enterpriseApp, func(a *Application) { a.Materials = a.Materials[1:] }, "material.missing@materials", nil},
		{"materials", enterpriseApp, func(a *Application) {
			a.Subject.Owner.LegalRepresentative = false
			a.Province = province.Jilin
			a.Subject.Certificate.Number = subject.Secret(synthCC("91220106MA2H0K3L7"))
			a.Subject.Address = "吉林省长春市朝阳区人民大街1号"
		}, "material.missing@materials", nil}, // Jilin: owner not 法人 → 授权书
		{"materials", enterpriseApp, func(a *Application) {
			a.Materials = append(a.Materials, MaterialRef{Kind: material.AuthorizationLetter, Path: "auth.jpg", IssuedOn: subject.Date{Year: 2026, Month: 1, Day: 1}})
		}, "material.letter_old@materials[3].issued_on", nil},
		{"materials", enterpriseApp, func(a *Application) { a.Materials[1].For = "sites[9].manager" }, "material.unknown_for@materials[1].for", nil},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%s_%d_%s", tt.rule, i, tt.want), func(t *testing.T) {
			app := tt.base()
			pass := Check(app, append([]Option{At(checkDay)}, tt.opts...)...)
			assert.True(t, pass.OK(), "the base application passes: %v", errorsOf(pass))
			tt.mut(&app)
			r := Check(app, append([]Option{At(checkDay)}, tt.opts...)...)
			got := codesOf(r, SeverityWarning)
			for _, f := range r.Findings {
				assert.NotEmpty(t, f.Source, "%s names its source", f.Code)
			}
			if tt.want == "" {
				assert.Empty(t, codesOf(r, SeverityError), "no error expected")
				return
			}
			assert.Contains(t, got, tt.want)
		})
	}
}

func TestCheckProvinceRules(t *testing.T) {
	// Jiangsu wants a landline and, since 2021-06-01, the commitment letters and video.
	app := enterpriseApp()
	app.Province = province.Jiangsu
	app.Subject.Certificate.Number = subject.Secret(synthCC("91320106MA2H0K3L7"))
	app.Subject.Address = "江苏省南京市玄武区中山路1号"
	r := Check(app, At(checkDay))
	assert.Contains(t, codesOf(r, SeverityError), "contact.landline_required@subject.landline")
	missing := 0
	for _, f := range r.Errors() {
		if f.Code == "material.missing" {
			missing++
		}
	}
	assert.Equal(t, 3, missing, "notice, commitment and video")
	before := Check(app, At(time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)))
	assert.NotContains(t, fmt.Sprint(before.Errors()), "commitment_video")

	// A patched table changes the outcome without a release.
	tb, err := province.Default().Patch(strings.NewReader("浙江\tmin_domain_validity_days\t1000\tUNCERTAIN\ttest\t-\t-\n"))
	require.NoError(t, err)
	r = Check(enterpriseApp(), At(checkDay), WithRules(tb))
	assert.Contains(t, codesOf(r, SeverityError), "domain.expires@sites[0].domain_expires")
}

func TestCheckPhoneLocator(t *testing.T) {
	app := enterpriseApp()
	app.Province = province.Xinjiang
	app.Subject.Certificate.Number = subject.Secret(synthCC("91650106MA2H0K3L7"))
	app.Subject.Address = "新疆乌鲁木齐市天山区解放南路5号"
	app.Materials = append(app.Materials, MaterialRef{Kind: material.PartyBuildingLetter, Path: "letter.jpg"})
	r := Check(app, At(checkDay))
	assert.True(t, r.Has("contact.local_unchecked"))
	r = Check(app, At(checkDay), WithPhoneLocator(func(subject.Mobile) (province.Province, bool) { return province.Zhejiang, true }))
	assert.Contains(t, codesOf(r, SeverityError), "contact.local@subject.owner.mobile")
	r = Check(app, At(checkDay), WithPhoneLocator(func(subject.Mobile) (province.Province, bool) { return province.Xinjiang, true }))
	assert.False(t, r.Has("contact.local"))
	assert.False(t, r.Has("contact.local_unchecked"))
}

// files serves material files from memory.
func files(m map[string][]byte) func(string) (io.ReadCloser, error) {
	return func(p string) (io.ReadCloser, error) {
		b, ok := m[p]
		if !ok {
			return nil, fmt.Errorf("open %s: no such file", p)
		}
		return io.NopCloser(bytes.NewReader(b)), nil
	}
}

func TestCheckMaterialInspection(t *testing.T) {
	app := enterpriseApp()
	fs := map[string][]byte{
		"licence.jpg":  []byte("%PDF-1.7\n%%EOF\n"),
		"id-front.jpg": []byte("\x89PNG not really"),
	}
	r := Check(app, At(checkDay), WithMaterialOpener(files(fs)))
	got := codesOf(r, SeverityError)
	assert.Contains(t, got, "material.format@materials[0].path")
	assert.Contains(t, got, "material.unreadable@materials[1].path")
	assert.Contains(t, got, "material.unreadable@materials[2].path")
	assert.False(t, r.Has("material.not_inspected"))
	for _, f := range r.Findings {
		if f.Code == "material.format" {
			assert.Equal(t, "pdf", f.Params["got"])
		}
	}
}

func TestCheckLanguageAndJSON(t *testing.T) {
	app := enterpriseApp()
	app.Subject.Owner.Mobile = "17001234567"
	en := Check(app, At(checkDay), WithLanguage(language.English))
	zh := Check(app, At(checkDay))
	var enMsg, zhMsg string
	for _, f := range en.Findings {
		if f.Code == "contact.mobile_sms" {
			enMsg = f.Message
		}
	}
	for _, f := range zh.Findings {
		if f.Code == "contact.mobile_sms" {
			zhMsg = f.Message
		}
	}
	assert.Contains(t, enMsg, "MIIT verification SMS")
	assert.Contains(t, zhMsg, "工信部备案核验短信")
	b, err := json.Marshal(en)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"field":"subject.owner.mobile"`)
	assert.NotContains(t, string(b), "17001234567", "no full mobile in the report")
	assert.NotContains(t, string(b), ownerID)
}

func TestCheckLanguageWordsFollowMessages(t *testing.T) {
	app := enterpriseApp()
	app.FilingType = SiteMigration // filing.type_not_application names the type
	tests := []struct {
		name     string
		tag      language.Tag
		typeName string
	}{
		{"English", language.English, SiteMigration.NameEn()},
		{"British English matches the English catalog", language.BritishEnglish, SiteMigration.NameEn()},
		{"Japanese falls back to Chinese", language.Japanese, SiteMigration.NameZh()},
		{"the zero tag is Chinese", language.Und, SiteMigration.NameZh()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Check(app, At(checkDay), WithLanguage(tt.tag))
			var msg string
			for _, f := range r.Findings {
				if f.Code == "filing.type_not_application" {
					msg = f.Message
				}
			}
			require.NotEmpty(t, msg)
			assert.Contains(t, msg, tt.typeName, "the type's name is in the message's language")
		})
	}
}

// pathExists resolves a finding's field path against the Application type
// and the lengths of its slices.
func pathExists(app Application, path string) bool {
	v := reflect.ValueOf(app)
	for _, part := range strings.Split(path, ".") {
		name, idx := part, -1
		if i := strings.IndexByte(part, '['); i >= 0 {
			name = part[:i]
			n, err := strconv.Atoi(strings.TrimSuffix(part[i+1:], "]"))
			if err != nil {
				return false
			}
			idx = n
		}
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v = reflect.New(v.Type().Elem()).Elem()
			} else {
				v = v.Elem()
			}
		}
		if v.Kind() != reflect.Struct {
			return false
		}
		f, ok := fieldByJSON(v, name)
		if !ok {
			return false
		}
		v = f
		if idx >= 0 {
			if v.Kind() != reflect.Slice || idx >= v.Len() {
				return false
			}
			v = v.Index(idx)
		}
	}
	return true
}

// fieldByJSON finds the field of struct v named name in JSON (see
// jsonName), through embedded structs.
func fieldByJSON(v reflect.Value, name string) (reflect.Value, bool) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		tag := jsonName(f)
		if f.Anonymous && tag == "" {
			if x, ok := fieldByJSON(v.Field(i), name); ok {
				return x, true
			}
			continue
		}
		if tag == name {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

func TestFindingFieldsExist(t *testing.T) {
	app := enterpriseApp()
	app.Subject.Owner.Mobile = "17001234567"
	app.Subject.Address = "江苏省某路"
	app.Sites[1].Domains = []string{"www.example.io", "192.168.0.1"}
	app.Sites[2].Access.IPs = []netip.Addr{netip.MustParseAddr("10.1.1.1")}
	app.Sites[2].Name = "12345"
	app.Resource.Months = 1
	app.Materials[0].For = "nowhere"
	app.Materials = append(app.Materials, MaterialRef{Kind: material.AuthorizationLetter, Path: "a.jpg", IssuedOn: subject.Date{Year: 2020, Month: 1, Day: 1}})
	r := Check(app, At(checkDay), WithMaterialOpener(files(nil)))
	require.NotEmpty(t, r.Errors())
	for _, f := range r.Findings {
		assert.NotEmpty(t, f.Source, "%s names its source", f.Code)
		if f.Field == "" {
			continue
		}
		assert.True(t, pathExists(app, f.Field), "%s names %q, which is not in the application", f.Code, f.Field)
	}
	assert.False(t, pathExists(app, "sites[9].name"))
	assert.False(t, pathExists(app, "subject.nothing"))
}

func TestCheckAllCodesHaveMessages(t *testing.T) {
	known := map[string]bool{}
	for _, c := range Codes() {
		known[c] = true
	}
	for _, rl := range CheckRules() {
		for _, c := range rl.Codes {
			if strings.HasSuffix(c, "*") {
				continue
			}
			assert.True(t, known[c], "rule %s code %s has a message", rl.Name, c)
		}
		assert.NotEmpty(t, rl.Source, rl.Name)
	}
}

func TestCheckConcurrent(t *testing.T) {
	apps := []Application{enterpriseApp(), individualApp()}
	want := []Report{Check(apps[0], At(checkDay)), Check(apps[1], At(checkDay))}
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := Check(apps[i%2], At(checkDay), WithLanguage(language.English))
			if len(got.Findings) != len(want[i%2].Findings) {
				t.Errorf("concurrent check differs: %d vs %d findings", len(got.Findings), len(want[i%2].Findings))
			}
		}()
	}
	wg.Wait()
}

func TestDecodeApplication(t *testing.T) {
	good := `{"filing_type":"first_filing","province":"浙江","subject":{"kind":"enterprise","name":"杭州示例网络科技有限公司",
	"certificate":{"type":"business_license","number":"` + zjCC + `"},"address":"浙江省杭州市西湖区文三路100号5幢301室",
	"owner":{"name":"张三","document":{"type":"resident_id","number":"` + ownerID + `"},"mobile":"13800138000",
	"emergency_phone":"13900139000","email":"admin@example.com","legal_representative":true}},
	"sites":[{"name":"示例网络科技官网","service_type":"website","domains":["example.com"],"content":[],"description":"公司介绍与产品展示",
	"manager":{"name":"张三","document":{"type":"resident_id","number":"` + ownerID + `"},"mobile":"13800138000","emergency_phone":"13900139000","email":"admin@example.com"},
	"domain_holder":"杭州示例网络科技有限公司","domain_expires":"2028-01-01","access":{"provider":"aliyun","ips":["203.0.113.10"]}}],
	"resource":{"product":"ecs","billing":"subscription","months":12},"materials":[{"kind":"business_license","path":"licence.jpg"}]}`
	app, err := DecodeApplication(strings.NewReader(good))
	require.NoError(t, err)
	assert.Equal(t, FirstFiling, app.FilingType)
	assert.Equal(t, province.Zhejiang, app.Province)
	assert.Equal(t, ownerID, app.Subject.Owner.Document.Number.Reveal())
	assert.Equal(t, netip.MustParseAddr("203.0.113.10"), app.Sites[0].Access.IPs[0])

	bad := []struct {
		name, edit, path string
	}{
		{"unknown field", `"months":12`, "resource.colour"},
		{"bad enum", `"service_type":"website"`, "sites[0].service_type"},
		{"bad IP", `"203.0.113.10"`, "sites[0].access.ips[0]"},
		{"wrong type", `"months":12`, "resource.months"},
		{"bad date", `"2028-01-01"`, "sites[0].domain_expires"},
		{"bad province", `"province":"浙江"`, "province"},
		{"bad filing type", `"first_filing"`, "filing_type"},
		{"bad kind", `"kind":"enterprise"`, "subject.kind"},
		{"bad material kind", `"kind":"business_license"`, "materials[0].kind"},
	}
	repl := map[string]string{
		"unknown field":     `"months":12,"colour":"blue"`,
		"bad enum":          `"service_type":"blog"`,
		"bad IP":            `"203.0.113.300"`,
		"wrong type":        `"months":"twelve"`,
		"bad date":          `"2028-02-30"`,
		"bad province":      `"province":"香港"`,
		"bad filing type":   `"first"`,
		"bad kind":          `"kind":"company"`,
		"bad material kind": `"kind":"selfie"`,
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			in := strings.Replace(good, b.edit, repl[b.name], 1)
			if b.name == "bad material kind" {
				i := strings.LastIndex(good, b.edit)
				in = good[:i] + repl[b.name] + good[i+len(b.edit):]
			}
			_, err := DecodeApplication(strings.NewReader(in))
			require.Error(t, err)
			var de *DecodeError
			require.True(t, errors.As(err, &de), "%v", err)
			assert.Equal(t, b.path, de.Path, "%v", err)
			assert.ErrorIs(t, err, ErrDecode)
		})
	}
	_, err = DecodeApplication(strings.NewReader(`{"filing_type":`))
	assert.ErrorIs(t, err, ErrDecode)
	// Nesting follows the schema: an array where the document's object
	// belongs is refused at once, however deep it goes.
	_, err = DecodeApplication(strings.NewReader(strings.Repeat("[", 100) + strings.Repeat("]", 100)))
	assert.ErrorContains(t, err, "want an object, got an array")
	_, err = DecodeApplication(strings.NewReader(`{} {}`))
	assert.ErrorContains(t, err, "data after")
}

func BenchmarkCheck(b *testing.B) {
	app := enterpriseApp()
	b.ReportAllocs()
	for b.Loop() {
		_ = Check(app, At(checkDay))
	}
}

func TestKindSuffix(t *testing.T) {
	ok, _ := kindSuffixOK(subject.Government, "gov.cn")
	assert.True(t, ok)
	ok, fam := kindSuffixOK(subject.Government, "com")
	assert.False(t, ok)
	assert.Contains(t, fam, ".gov.cn")
	ok, _ = kindSuffixOK(subject.Government, "政务")
	assert.True(t, ok)
	ok, _ = kindSuffixOK(subject.Institution, "org.cn")
	assert.True(t, ok)
	ok, _ = kindSuffixOK(subject.Institution, "公益")
	assert.True(t, ok)
	ok, _ = kindSuffixOK(subject.Institution, "com")
	assert.False(t, ok)
	ok, _ = kindSuffixOK(subject.Enterprise, "xyz")
	assert.True(t, ok)

}

// TestDefaultProfileIsNeutral pins what only a provider states: under the
// default profile these are not findings, under Alibaba's they are; a
// virtual mobile is a warning (Tencent: only some virtual ranges cannot
// receive the SMS), an IoT number an error.
func TestDefaultProfileIsNeutral(t *testing.T) {
	tests := []struct {
		name string
		mut  func(a *Application)
		code string
		def  Severity // under Default; 0: no finding
		ali  Severity // under Alibaba
	}{
		{"virtual emergency phone", func(a *Application) { a.Subject.Owner.EmergencyPhone = "16512345678" }, "contact.emergency_virtual", 0, SeverityWarning},
		{"e-mail off the subject's domains", func(a *Application) { a.Subject.Owner.Email = "boss@qq.com" }, "contact.company_email", 0, SeverityWarning},
		{"pay-as-you-go server", func(a *Application) { a.Resource.Billing = "pay_as_you_go" }, "resource.billing", 0, SeverityError},
		{"a month bought", func(a *Application) { a.Resource.Months = 1 }, "resource.months", 0, SeverityError},
		{"a product of another provider", func(a *Application) { a.Resource.Product = "vps" }, "resource.product", 0, SeverityError},
		{"virtual mobile", func(a *Application) { a.Subject.Owner.Mobile = "17001234567" }, "contact.mobile_sms", SeverityWarning, SeverityWarning},
		{"IoT mobile", func(a *Application) { a.Subject.Owner.Mobile = "1440123456789" }, "contact.mobile_sms", SeverityError, SeverityError},
	}
	sevOf := func(r Report, code string) Severity {
		for _, f := range r.Findings {
			if f.Code == code {
				return f.Severity
			}
		}
		return 0
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := enterpriseApp()
			tt.mut(&app)
			assert.Equal(t, tt.def, sevOf(Check(app, At(checkDay)), tt.code), "default profile")
			assert.Equal(t, tt.ali, sevOf(Check(app, At(checkDay), WithProfile(Alibaba)), tt.code), "Alibaba profile")
		})
	}
}

// huaweiAnyProduct is Huawei's profile accepting the product of the test
// applications, to isolate its other rules.
func huaweiAnyProduct() Profile {
	p := Huawei
	p.Server = p.Server.WithProducts()
	return p
}

// TestProvinceDuties covers the rules of duties.go, each row naming the
// province fact it exercises.
func TestProvinceDuties(t *testing.T) {
	in := func(p province.Province) func(*Application) { return func(a *Application) { a.Province = p } }
	tests := []struct {
		name string
		base func() Application
		mut  func(*Application)
		opts []Option
		code string
		sev  Severity // 0: the code must be absent
	}{
		{"天津: the site manager is the owner", individualApp, in(province.Tianjin), nil, "person.manager_is_owner", SeverityError},
		{"浙江 states no such rule", individualApp, nil, nil, "person.manager_is_owner", 0},
		{"山东: reuse cannot be checked offline", enterpriseApp, in(province.Shandong), nil, "person.reuse_unchecked", SeverityInfo},
		{"山东: the panel's records know the mobile", enterpriseApp, in(province.Shandong),
			[]Option{WithReuseLookup(func(kind, n string) bool { return kind == "mobile" && n == "13800138000" })}, "person.reused", SeverityError},
		{"山东: the panel's records know nothing", enterpriseApp, in(province.Shandong),
			[]Option{WithReuseLookup(func(string, string) bool { return false })}, "person.reused", 0},
		{"江苏: a site manager of another company", enterpriseApp, in(province.Jiangsu),
			[]Option{WithReuseLookup(func(kind, _ string) bool { return kind == "manager_id" })}, "person.reused", SeverityError},
		{"内蒙古: a public institution needs 编办 approval", enterpriseApp, func(a *Application) {
			a.Province = province.InnerMongolia
			a.Subject.Kind = subject.Institution
		}, nil, "subject.bianban_approval", SeverityWarning},
		{"黑龙江 refuses 其他 as content", enterpriseApp, func(a *Application) {
			a.Province = province.Heilongjiang
			a.Sites[0].Content = []string{"other"}
		}, nil, "site.content_refused", SeverityError},
		{"浙江 takes 其他", enterpriseApp, func(a *Application) { a.Sites[0].Content = []string{"other"} }, nil, "site.content_refused", 0},
		{"陕西: a blog needs approval", individualApp, func(a *Application) {
			a.Province = province.Shaanxi
			a.Sites[0].Content = []string{"personal_space"}
		}, nil, "site.personal_space_approval", SeverityError},
		{"a commercial site without a licence", enterpriseApp, func(a *Application) { a.Sites[0].Commercial = true }, nil, "site.commercial_licence", SeverityError},
		{"a commercial site with a filing number as licence", enterpriseApp, func(a *Application) {
			a.Sites[0].Commercial = true
			a.Sites[0].Licence = MustParseNumber("浙ICP备2021000001号-1")
		}, nil, "site.licence_kind", SeverityError},
		{"a commercial site with its licence", enterpriseApp, func(a *Application) {
			a.Sites[0].Commercial = true
			a.Sites[0].Licence = MustParseNumber("浙B2-20090059")
		}, nil, "site.commercial_licence", 0},
		{"浙江: the resolved IP must match", enterpriseApp, nil, nil, "access.resolved_ip", SeverityInfo},
		{"Tencent: less than a month left on the server", tencentApp, func(a *Application) {
			a.Resource.Expires = subject.Date{Year: 2026, Month: 12, Day: 20}
		}, []Option{WithProfile(Tencent)}, "resource.time_left", SeverityError},
		{"Tencent: exactly a month left", tencentApp, func(a *Application) {
			a.Resource.Expires = subject.Date{Year: 2026, Month: 12, Day: 26}
		}, []Option{WithProfile(Tencent)}, "resource.time_left", 0},
		{"the default profile states no time left", enterpriseApp, func(a *Application) {
			a.Resource.Expires = subject.Date{Year: 2026, Month: 12, Day: 1}
		}, nil, "resource.time_left", 0},
		{"foreign registrars are refused nationally", enterpriseApp, nil, nil, "domain.foreign_registrar", SeverityInfo},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := tt.base()
			if tt.mut != nil {
				tt.mut(&app)
			}
			r := Check(app, append([]Option{At(checkDay)}, tt.opts...)...)
			var got Severity
			for _, f := range r.Findings {
				if f.Code == tt.code {
					got = f.Severity
				}
			}
			assert.Equal(t, tt.sev, got, "%s", tt.code)
		})
	}
}

// TestFindingSourcesResolve checks that every finding of a realistic run
// cites sources a user can open: each key but this library's own input
// bounds resolves to a source with an address.
func TestFindingSourcesResolve(t *testing.T) {
	app := enterpriseApp()
	app.Sites[0].Domains = []string{"www.example.com"}
	app.Subject.Owner.Mobile = "17001234567"
	for _, f := range Check(app, At(checkDay), WithProfile(Tencent)).Findings {
		srcs := f.Sources()
		if strings.HasPrefix(f.Source, "icpkit") {
			continue
		}
		if assert.NotEmpty(t, srcs, "%s cites %q", f.Code, f.Source) {
			assert.NotEmpty(t, srcs[0].URL, "%s: %s has an address", f.Code, srcs[0].Key)
			assert.NotEmpty(t, srcs[0].Title, "%s: %s has a title", f.Code, srcs[0].Key)
		}
	}
}

// TestProvinceMaterials covers the documents the corrected table asks
// for: each row names the province fact.
func TestProvinceMaterials(t *testing.T) {
	missing := func(r Report, kind material.Kind) bool {
		for _, f := range r.Findings {
			if f.Code == "material.missing" && f.Params["kind"] == kind.String() {
				return true
			}
		}
		return false
	}
	tests := []struct {
		name string
		base func() Application
		mut  func(*Application)
		kind material.Kind
		want bool
	}{
		{"陕西: the site manager's verification photo", enterpriseApp, func(a *Application) { a.Province = province.Shaanxi }, material.VerificationPhoto, true},
		{"浙江 asks for no verification photo", enterpriseApp, nil, material.VerificationPhoto, false},
		{"河南: domain certificates from 4 domains", enterpriseApp, func(a *Application) {
			a.Province = province.Henan
			a.Sites[0].Domains = []string{"a.cn", "b.cn", "c.cn", "d.cn"}
		}, material.DomainCertificate, true},
		{"河南: 3 domains in the filing need none", enterpriseApp, func(a *Application) {
			a.Province = province.Henan
			a.Sites = a.Sites[:1]
			a.Sites[0].Domains = []string{"a.cn", "b.cn", "c.cn"}
		}, material.DomainCertificate, false},
		{"上海: the units' filing commitment", enterpriseApp, func(a *Application) { a.Province = province.Shanghai }, material.FilingCommitment, true},
		{"上海: individuals give none", individualApp, func(a *Application) { a.Province = province.Shanghai }, material.FilingCommitment, false},
		{"广东: a finance unit's commitment", enterpriseApp, func(a *Application) {
			a.Province = province.Guangdong
			a.Subject.BusinessScope = "投资管理；理财咨询"
		}, material.FinanceCommitment, true},
		{"广东: other units give none", enterpriseApp, func(a *Application) { a.Province = province.Guangdong }, material.FinanceCommitment, false},
		{"新疆: the party letter for an access filing of a 2020 record", enterpriseApp, func(a *Application) {
			a.Province = province.Xinjiang
			a.FilingType = NewAccess
			a.Subject.Number = MustParseNumber("新ICP备2020000001号")
			a.Sites[0].Number = MustParseNumber("新ICP备2020000001号-1")
		}, material.PartyBuildingLetter, true},
		{"新疆: no party letter for an access filing of an older record", enterpriseApp, func(a *Application) {
			a.Province = province.Xinjiang
			a.FilingType = NewAccess
			a.Subject.Number = MustParseNumber("新ICP备18000001号")
			a.Sites[0].Number = MustParseNumber("新ICP备18000001号-1")
		}, material.PartyBuildingLetter, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := tt.base()
			if tt.mut != nil {
				tt.mut(&app)
			}
			assert.Equal(t, tt.want, missing(Check(app, At(checkDay)), tt.kind))
		})
	}
}
