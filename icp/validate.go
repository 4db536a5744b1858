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

// validation is one custom tag for host applications; its messages are
// the catalog's "validate.<tag>", with the field's name as parameter.
type validation struct {
	tag string
	fn  func(string) bool
}

var validations = []validation{
	{"cn_resident_id", func(s string) bool { _, err := subject.ParseResidentID(s); return err == nil }},
	{"cn_uscc", func(s string) bool { _, err := subject.ParseCreditCode(s); return err == nil }},
	{"cn_mobile", func(s string) bool { m, err := subject.ParseMobile(s); return err == nil && m.IsContact() }},
	{"cn_mobile_sms", func(s string) bool {
		m, err := subject.ParseMobile(s)
		return err == nil && m.CanReceiveVerificationSMS()
	}},
	{"icp_number", func(s string) bool {
		n, err := ParseNumber(s)
		return err == nil && n.Kind() >= SubjectFiling && n.Kind() <= QuickAppFiling
	}},
	{"icp_site_number", func(s string) bool {
		n, err := ParseNumber(s)
		return err == nil && n.Kind() >= SiteFiling && n.Kind() <= QuickAppFiling
	}},
	{"psb_number", func(s string) bool { n, err := ParseNumber(s); return err == nil && n.Kind() == PoliceFiling }},
	{"cn_province", func(s string) bool { _, err := province.Parse(s); return err == nil }},
	{"icp_domain", func(s string) bool { r, err := domain.RegistrableDomain(s); return err == nil && r != "" }},
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
