package icp

import (
	"reflect"
	"strconv"
	"strings"
	"sync"

	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp/domain"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

func init() {
	register(
		msg("structure.required", []string{"field"}, "缺少必填项“%[1]s”", "the required field “%[1]s” is missing"),
		msg("structure.too_long", []string{"field", "max"}, "“%[1]s”超过 %[2]s 个字符", "“%[1]s” is longer than %[2]s characters"),
		msg("structure.invalid", []string{"field", "tag"}, "“%[1]s”不符合要求（规则 %[2]s）", "“%[1]s” does not pass the rule %[2]s"),
		msg("structure.too_many_sites", []string{"max", "count"}, "一份申请最多检查 %[1]s 个网站，此申请有 %[2]s 个", "an application is checked with at most %[1]s sites; this one has %[2]s"),
	)
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return "-"
	}
	return name
}

var structValidator = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(jsonName)
	return v
})

// ruleStructure applies the struct tags (required fields, lengths) of the
// parts the filing type needs, and turns validator/v10's errors into
// findings with JSON paths.
func ruleStructure(c *checker) {
	a := c.app
	if !a.FilingType.IsValid() {
		c.add("structure.required", SeverityError, "filing_type", "QC-type", "field", "filing_type")
	}
	if !a.Province.IsValid() {
		c.add("structure.required", SeverityError, "province", "TC-subj", "field", "province")
	}
	if !a.FilingType.IsValid() {
		return
	}
	v := structValidator()
	if in(subjectTypes)(a.FilingType) {
		c.structErrors(v.Struct(a.Subject.Subject), "subject")
	}
	if in(siteTypes)(a.FilingType) {
		for i := range a.Sites {
			c.structErrors(v.Struct(a.Sites[i]), "sites["+itoa(i)+"]")
		}
	}
	if in(accessTypes)(a.FilingType) {
		c.structErrors(v.Struct(a.Resource), "resource")
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func (c *checker) structErrors(err error, prefix string) {
	ves, ok := err.(validator.ValidationErrors)
	if !ok {
		return
	}
	for _, fe := range ves {
		ns := fe.Namespace()
		if i := strings.IndexByte(ns, '.'); i >= 0 {
			ns = ns[i+1:]
		}
		path := prefix + "." + ns
		switch fe.Tag() {
		case "required":
			c.add("structure.required", SeverityError, path, "validator/v10", "field", path)
		case "max":
			c.add("structure.too_long", SeverityError, path, "validator/v10", "field", path, "max", fe.Param())
		default:
			c.add("structure.invalid", SeverityError, path, "validator/v10", "field", path, "tag", fe.Tag())
		}
	}
}

// validation is one custom tag for host applications.
type validation struct {
	tag string
	fn  func(string) bool
	// zh and en are registered in the catalog as "validate.<tag>", with
	// the field's name as parameter.
	zh, en string
}

func init() {
	for _, x := range validations {
		register(msg("validate."+x.tag, []string{"field"},
			strings.ReplaceAll(x.zh, "{0}", "%[1]s"), strings.ReplaceAll(x.en, "{0}", "%[1]s")))
	}
}

var validations = []validation{
	{"cn_resident_id", func(s string) bool { _, err := subject.ParseResidentID(s); return err == nil },
		"{0}必须是有效的居民身份证号码", "{0} must be a valid resident ID number"},
	{"cn_uscc", func(s string) bool { _, err := subject.ParseCreditCode(s); return err == nil },
		"{0}必须是有效的统一社会信用代码", "{0} must be a valid unified social credit code"},
	{"cn_mobile", func(s string) bool { m, err := subject.ParseMobile(s); return err == nil && m.IsContact() },
		"{0}必须是有效的手机号码", "{0} must be a valid mobile number"},
	{"cn_mobile_sms", func(s string) bool {
		m, err := subject.ParseMobile(s)
		return err == nil && m.CanReceiveVerificationSMS()
	},
		"{0}必须是能接收工信部核验短信的手机号码（非虚拟运营商）", "{0} must be a mobile number that receives the MIIT verification SMS (no virtual operator)"},
	{"icp_number", func(s string) bool {
		n, err := ParseNumber(s)
		return err == nil && n.Kind() >= SubjectFiling && n.Kind() <= QuickAppFiling
	}, "{0}必须是有效的ICP备案号", "{0} must be a valid ICP filing number"},
	{"icp_site_number", func(s string) bool {
		n, err := ParseNumber(s)
		return err == nil && n.Kind() >= SiteFiling && n.Kind() <= QuickAppFiling
	}, "{0}必须是网站或App备案号（带 -序号）", "{0} must be a site or App filing number (with -N)"},
	{"psb_number", func(s string) bool { n, err := ParseNumber(s); return err == nil && n.Kind() == PoliceFiling },
		"{0}必须是有效的公安备案号", "{0} must be a valid public-security filing number"},
	{"cn_province", func(s string) bool { _, err := province.Parse(s); return err == nil },
		"{0}必须是中国内地的省级行政区", "{0} must be a mainland province"},
	{"icp_domain", func(s string) bool { r, err := domain.RegistrableDomain(s); return err == nil && r != "" },
		"{0}必须是可备案的域名", "{0} must be a fileable domain"},
}

// RegisterValidations adds icpkit's identifiers to a validator/v10
// instance as custom tags: cn_resident_id, cn_uscc, cn_mobile,
// cn_mobile_sms, icp_number, icp_site_number, psb_number, cn_province and
// icp_domain. They apply to string fields; empty strings fail (combine with
// omitempty). Gin binds with validator/v10, so a Gin application passes
// binding.Validator.Engine().(*validator.Validate).
func RegisterValidations(v *validator.Validate) error {
	for _, x := range validations {
		fn := x.fn
		if err := v.RegisterValidation(x.tag, func(fl validator.FieldLevel) bool {
			f := fl.Field()
			if f.Kind() != reflect.String {
				return false
			}
			return fn(f.String())
		}); err != nil {
			return err
		}
	}
	return nil
}

// RegisterTranslations adds messages for the tags of RegisterValidations
// to a translator, rendered from the catalog of the findings ("validate.<tag>"):
// English when the translator's locale is English, Simplified Chinese
// otherwise, the rule of [WithLanguage].
func RegisterTranslations(v *validator.Validate, trans ut.Translator) error {
	lang, _ := language.Parse(strings.ReplaceAll(trans.Locale(), "_", "-"))
	for _, x := range validations {
		text := Message(lang, "validate."+x.tag, map[string]string{"field": "{0}"})
		tag := x.tag
		err := v.RegisterTranslation(tag, trans,
			func(t ut.Translator) error { return t.Add(tag, text, true) },
			func(t ut.Translator, fe validator.FieldError) string {
				s, err := t.T(tag, fe.Field())
				if err != nil {
					return fe.Error()
				}
				return s
			})
		if err != nil {
			return err
		}
	}
	return nil
}
