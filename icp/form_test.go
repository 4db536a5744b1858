package icp

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// missingCodes are the findings by which Check says a field is empty.
var missingCodes = []string{"structure.required", "domain.none", "access.provider", "access.ip_missing", "contact.landline_required",
	"filing.subject_number_required", "filing.site_number_required", "site.app_missing"}

// fullApplication fills every field of an application of type t for
// province p and kind k, with the site manager the subject owner (the
// typical case a form's unconditional materials describe).
func fullApplication(t FilingType, p province.Province, k subject.Kind) Application {
	owner := subject.Person{Name: "张三", Document: subject.Document{Type: subject.ResidentIDCard,
		Number: subject.Secret(formSynthID(p, "19850307", "123")), ValidUntil: subject.Date{Year: 2040, Month: 1, Day: 1}},
		Mobile: "13800138000", EmergencyPhone: "13900139000", Email: "admin@example.com", LegalRepresentative: k.IsUnit()}
	subjNum := MustParseNumber(p.ICPAbbr() + "ICP备2021000001号")
	siteNum, _ := subjNum.WithIndex(1, Website)
	a := Application{FilingType: t, Province: p,
		Subject: ApplicationSubject{Subject: subject.Subject{Kind: k, Name: "示例网络科技有限公司", Province: p,
			Certificate: subject.Document{Type: k.Certificates()[0], Number: "91330106MA2H0K3L70", ValidUntil: subject.Date{Year: 2040, Month: 1, Day: 1}},
			Address:     p.Name() + "示例路100号5幢301室", Investor: "示例集团", Landline: "010-12345678", Owner: owner, Remark: "备注"},
			Number: subjNum, LicenceName: "示例网络科技有限公司", BusinessScope: "软件开发", ExistingServices: 0},
		Sites: []Site{{Number: siteNum, Name: "示例网络科技官网", ServiceType: ServiceWebsite, Domains: []string{"example.com"},
			Content: []string{"portal"}, Description: "公司介绍", Manager: owner, DomainHolder: "示例网络科技有限公司",
			DomainExpires: subject.Date{Year: 2030, Month: 1, Day: 1},
			Access:        Access{Provider: "aliyun", IPs: []netip.Addr{netip.MustParseAddr("121.40.10.10")}},
			App:           &AppInfo{PackageName: "com.example.app", BundleID: "com.example.app", Platforms: []string{"android"}},
			Approvals:     []Approval{{Category: "news", Document: "x"}}, Commercial: true, Remark: "备注"}},
		Resource: Resource{Product: "ecs", Billing: "subscription", Months: 12, Region: "mainland"},
		Remark:   "备注",
	}
	if k == subject.Individual {
		a.Subject.Name = "张三"
		a.Subject.Certificate = owner.Document
	}
	return a
}

// zeroField sets the field at a form path (sites[] meaning sites[0]) to
// its zero value.
func zeroField(t *testing.T, a *Application, path string) {
	t.Helper()
	v := reflect.ValueOf(a).Elem()
	parts := strings.Split(strings.ReplaceAll(path, "[]", ""), ".")
	for i, name := range parts {
		if v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		f, ok := fieldByJSON(v, name)
		require.True(t, ok, "no field %s in %s", name, path)
		if i == len(parts)-1 {
			f.SetZero()
			return
		}
		if f.Kind() == reflect.Slice {
			f = f.Index(0)
		}
		v = f
	}
}

func missingAt(r Report, path string) []string {
	path = strings.ReplaceAll(path, "[]", "[0]")
	var out []string
	for _, f := range r.Findings {
		if slices.Contains(missingCodes, f.Code) && (f.Field == path || strings.HasPrefix(f.Field, path+"[")) {
			out = append(out, f.Code)
		}
	}
	return out
}

// TestFormAgreesWithCheck empties each field of a complete application in
// turn, for every province, subject kind and a few filing types: a field
// the form calls required draws a "missing" finding from Check at its path,
// and an optional one never does.
func TestFormAgreesWithCheck(t *testing.T) {
	types := []FilingType{FirstFiling, NewSite, NewAccess, ChangeSubject, ChangeSite, ChangeAccess}
	if testing.Short() {
		types = types[:2]
	}
	for _, p := range province.All() {
		t.Run(p.String(), func(t *testing.T) {
			t.Parallel()
			testFormAgreesWithCheck(t, p, types)
		})
	}
}

func testFormAgreesWithCheck(t *testing.T, p province.Province, types []FilingType) {
	{
		for _, k := range subject.Kinds() {
			for i, ft := range types {
				if i > 0 && k != subject.Enterprise && k != subject.Individual {
					continue // every kind for a first filing; two for the rest
				}
				form := FormOf(ft, p, k, At(checkDay))
				full := fullApplication(ft, p, k)
				base := Check(full, At(checkDay))
				for _, f := range form.Fields {
					require.Empty(t, missingAt(base, f.Path), "%s %s %s: the complete application misses %s", p, k, ft, f.Path)
					a := fullApplication(ft, p, k)
					zeroField(t, &a, f.Path)
					got := missingAt(Check(a, At(checkDay)), f.Path)
					applies := f.When == "" || f.When == "service_type=website" || f.When == "service_type!=mini_program"
					if f.Required && applies {
						assert.NotEmpty(t, got, "%s %s %s: the form requires %s, Check does not miss it", p, k, ft, f.Path)
					} else {
						assert.Empty(t, got, "%s %s %s: the form has %s optional, Check misses it", p, k, ft, f.Path)
					}
				}
			}
		}
	}
}

// TestFormMaterialsAgreeWithCheck gives Check exactly the materials the
// form lists unconditionally: none is missing, and leaving any one out
// draws material.missing.
func TestFormMaterialsAgreeWithCheck(t *testing.T) {
	for _, p := range province.All() {
		for _, k := range subject.Kinds() {
			form := Form(p, k, At(checkDay))
			a := fullApplication(FirstFiling, p, k)
			a.Subject.Number, a.Sites[0].Number = Number{}, Number{}
			var mats []MaterialRef
			for _, m := range form.Materials {
				if m.When == "" {
					var kind material.Kind
					require.NoError(t, kind.UnmarshalText([]byte(m.Kind)))
					mats = append(mats, MaterialRef{Kind: kind, Path: m.Kind + ".png", For: strings.ReplaceAll(m.For, "[]", "[0]")})
				}
			}
			a.Materials = mats
			require.False(t, Check(a, At(checkDay)).Has("material.missing"), "%s %s: %v", p, k, Check(a, At(checkDay)).Findings)
			for i := range mats {
				a.Materials = slices.Delete(slices.Clone(mats), i, i+1)
				assert.True(t, Check(a, At(checkDay)).Has("material.missing"), "%s %s without %s", p, k, mats[i].Kind)
			}
		}
	}
}

func TestFormLabels(t *testing.T) {
	for _, lang := range []language.Tag{language.SimplifiedChinese, language.English} {
		for _, k := range subject.Kinds() {
			for _, ft := range []FilingType{FirstFiling, ChangeAll} {
				f := FormOf(ft, province.Beijing, k, At(checkDay), WithLanguage(lang))
				for _, x := range f.Fields {
					assert.NotEmpty(t, x.Label, "label of %s", x.Path)
					assert.Equal(t, x.When == "", x.WhenText == "", "words for %s", x.When)
				}
				for _, m := range f.Materials {
					assert.NotEmpty(t, m.Name, "name of %s", m.Kind)
					if m.When != "" {
						assert.NotEmpty(t, m.WhenText, "when of %s", m.When)
					}
				}
				for _, r := range f.Rules {
					assert.NotEmpty(t, r.Name, "name of rule %s", r.Key)
					assert.NotEmpty(t, r.ValueText, "value of rule %s", r.Key)
					hasHan := strings.ContainsFunc(r.Name+r.ValueText, func(c rune) bool { return c >= 0x4e00 && c <= 0x9fff })
					if lang == language.English && r.Key != "personal_space_accepted" && r.Key != "address_no_shixiaqu" {
						assert.False(t, hasHan, "en rule %s: %s %s", r.Key, r.Name, r.ValueText)
					}
				}
			}
		}
	}
}

func TestFormRulesFollowTheTable(t *testing.T) {
	for _, tc := range []struct {
		what string
		p    province.Province
		k    subject.Kind
		key  string
		want bool
	}{
		{"an individual sees a province's cap on services", province.Shaanxi, subject.Individual, "max_individual_services", true},
		{"no national cap: Beijing states none", province.Beijing, subject.Individual, "max_individual_services", false},
		{"a unit does not", province.Beijing, subject.Enterprise, "max_individual_services", false},
		{"a unit sees the unit cap where the table has one", province.Beijing, subject.Enterprise, "max_unit_sites", province.Beijing.Rules().MaxUnitSites.Known()},
		{"every province states a minimum age", province.Guangdong, subject.Individual, "min_age", province.Guangdong.Rules().MinAge.Known()},
	} {
		t.Run(tc.what, func(t *testing.T) {
			f := Form(tc.p, tc.k, At(checkDay))
			i := slices.IndexFunc(f.Rules, func(r FormRule) bool { return r.Key == tc.key })
			assert.Equal(t, tc.want, i >= 0, "%+v", f.Rules)
			if i >= 0 {
				assert.NotEmpty(t, f.Rules[i].Source)
				assert.Contains(t, []string{"CONFIRMED", "UNCERTAIN"}, f.Rules[i].Status)
			}
		})
	}
	r := province.Beijing.Rules()
	f := Form(province.Beijing, subject.Individual, At(checkDay))
	i := slices.IndexFunc(f.Rules, func(r FormRule) bool { return r.Key == "min_age" })
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, r.MinAge.Value(), f.Rules[i].Value)
}

func TestFormJSON(t *testing.T) {
	b, err := json.Marshal(Form(province.Zhejiang, subject.Enterprise, At(checkDay), WithLanguage(language.English)))
	require.NoError(t, err)
	s := string(b)
	for _, want := range []string{`"province":"浙江"`, `"province_name":"Zhejiang"`, `"kind":"enterprise"`, `"language":"en"`,
		`"path":"subject.owner.mobile"`, `"label":"subject owner's mobile"`, `"kind":"business_license"`} {
		assert.Contains(t, s, want)
	}
}

func TestFieldLabel(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"sites[3].manager.mobile", "网站负责人手机号码"},
		{"sites[].manager.mobile", "网站负责人手机号码"},
		{"sites[0].domains[2]", "域名"},
		{"subject.owner.email", "主体负责人电子邮箱"},
		{"nothing.here", ""},
	} {
		assert.Equal(t, tc.want, FieldLabel(language.SimplifiedChinese, tc.path), tc.path)
	}
	// Every field a form shows has a label in both languages.
	for _, k := range subject.Kinds() {
		for _, f := range FormOf(ChangeAll, province.Beijing, k, At(checkDay)).Fields {
			assert.NotEmpty(t, FieldLabel(language.English, f.Path), f.Path)
		}
	}
}

func ExampleForm() {
	f := Form(province.Beijing, subject.Individual, At(checkDay), WithLanguage(language.English))
	for _, x := range f.Fields {
		if x.Path == "sites[].manager.mobile" || x.Path == "sites[].domains" {
			fmt.Printf("%s: required=%v when=%q\n", x.Label, x.Required, x.When)
		}
	}
	for _, r := range f.Rules {
		if r.Key == "min_age" {
			fmt.Println(r.Name, r.ValueText)
		}
	}
	// Output:
	// domains: required=true when="service_type=website"
	// site manager's mobile: required=true when=""
	// minimum age 18
}
