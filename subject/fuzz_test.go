package subject

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/icpkit/icpkit/province"
)

// Seeds: the table tests' shapes plus junk. They run in plain go test.
var fuzzSeeds = []string{
	"11010519491231002X", "44011320141005001x", "440524188001010014", "36042619910102009X",
	"91350100M000100Y43", "91350100M0001TGQXM", "111111111111111111",
	"13800138000", "+86 138 0013 8000", "008613800138000", "1440123456789", "17406123456",
	"010-62345678", "02162345678转123", "H12345678", "1234567890(B)", "USA330101123456",
	"浙江省杭州市西湖区文三路100号5幢301室", "北京市市辖区宣武区", "",
}

func seed(f *testing.F) {
	for _, s := range append(fuzzSeeds, junk...) {
		f.Add(s)
	}
}

func FuzzParseResidentID(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseIDNumber(s)
		if err != nil {
			return
		}
		again, err := ParseIDNumber(id.Number())
		if err != nil || again != id {
			t.Fatalf("round trip of %q failed: %v", id.Number(), err)
		}
		if m := id.String(); len(m) != 18 || strings.Count(m, "*") != 10 {
			t.Fatalf("masked form %q", m)
		}
	})
}

func FuzzParseCreditCode(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		cc, err := ParseCreditCode(s)
		if err != nil {
			return
		}
		again, err := ParseCreditCode(cc.String())
		if err != nil || again != cc {
			t.Fatalf("round trip of %q failed: %v", cc, err)
		}
	})
}

func FuzzParseMobile(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMobile(s)
		if err != nil {
			if strings.Contains(err.Error(), s) && len(s) >= 11 && utf8.ValidString(s) && strings.Count(s, "1") > 3 {
				t.Fatalf("error shows the full input: %v", err)
			}
			return
		}
		again, err := ParseMobile(m.E164())
		if err != nil || again != m {
			t.Fatalf("round trip of %s failed: %v", m, err)
		}
	})
}

func FuzzParseLandline(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLandline(s)
		if err != nil {
			return
		}
		again, err := ParseLandline(l.Number())
		if err != nil || again != l {
			t.Fatalf("round trip of %q failed: %v", l.Number(), err)
		}
	})
}

func FuzzParseDocument(f *testing.F) {
	for _, s := range append(fuzzSeeds, junk...) {
		f.Add(uint8(Passport), s)
		f.Add(uint8(TaiwanPermit), s)
	}
	f.Fuzz(func(t *testing.T, typ uint8, s string) {
		d, err := ParseDocument(DocType(typ%uint8(numDocTypes+2)), s)
		if err != nil {
			return
		}
		again, err := ParseDocument(d.Type(), d.Number())
		if err != nil || again.Number() != d.Number() {
			t.Fatalf("round trip of %s %q failed: %v", d.Type(), d.Number(), err)
		}
	})
}

func FuzzCheckAddress(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range CheckAddress(s, AddressOptions{Province: province.Zhejiang, NoShixiaqu: true, RequireRoom: true}) {
			if p.Code == "" {
				t.Fatal("problem without a code")
			}
		}
	})
}

func FuzzCheckEmail(f *testing.F) {
	seed(f)
	f.Add("admin@例子.中国")
	f.Fuzz(func(t *testing.T, s string) {
		_ = CheckEmail(s)
		_ = CheckPersonName(s)
		_, _ = CompareNames(s, "示例（杭州）科技有限公司")
	})
}

func FuzzLoadSegments(f *testing.F) {
	f.Add("154\t11\tbasic\tmobile\tUNCERTAIN\tx\t2026-01-01\n")
	f.Add(defaultSegments)
	f.Add("1\t\t\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		tb, err := LoadSegments(strings.NewReader(s))
		if err != nil {
			return
		}
		_, _ = tb.ParseMobile("15412345678")
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2028-01-01", "2028-02-30", "", "0000-00-00", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if again, err := ParseDate(d.String()); err != nil || again != d {
			t.Fatalf("ParseDate(%q) does not round-trip", s)
		}
	})
}

// decoders lists a new zero value of every type with a text decoder, for
// FuzzUnmarshalText.
var decoders = []func() encoding.TextUnmarshaler{
	func() encoding.TextUnmarshaler { return new(ResidentID) },
	func() encoding.TextUnmarshaler { return new(Mobile) },
	func() encoding.TextUnmarshaler { return new(Landline) },
	func() encoding.TextUnmarshaler { return new(CreditCode) },
	func() encoding.TextUnmarshaler { return new(DocumentID) },
	func() encoding.TextUnmarshaler { return new(Secret) },
	func() encoding.TextUnmarshaler { return new(Kind) },
	func() encoding.TextUnmarshaler { return new(DocType) },
	func() encoding.TextUnmarshaler { return new(IDKind) },
	func() encoding.TextUnmarshaler { return new(Class) },
	func() encoding.TextUnmarshaler { return new(Carrier) },
	func() encoding.TextUnmarshaler { return new(NameMatch) },
	func() encoding.TextUnmarshaler { return new(Date) },
}

// FuzzUnmarshalText decodes arbitrary text with every decoder: a typed
// error, or a value whose text decodes to itself; masked text is never
// accepted for a personal type.
func FuzzUnmarshalText(f *testing.F) {
	for i := range decoders {
		for _, s := range append(fuzzSeeds, "passport:E12345678", "resident_id:11010519491231002X", "1101**********002X",
			"138****8000", "enterprise", "basic", "2028-01-01") {
			f.Add(uint8(i), s)
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, s string) {
		v := decoders[int(which)%len(decoders)]()
		if err := v.UnmarshalText([]byte(s)); err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("%T: untyped error %v", v, err)
			}
			return
		}
		if IsMasked(s) {
			switch v.(type) {
			case *ResidentID, *Mobile, *Landline, *DocumentID, *Secret, *CreditCode:
				t.Fatalf("%T accepted masked %q", v, s)
			}
		}
		b, err := v.(encoding.TextMarshaler).MarshalText()
		if err != nil {
			t.Fatalf("%T: decoded %q but cannot encode it: %v", v, s, err)
		}
		again := reflect.New(reflect.TypeOf(v).Elem()).Interface().(encoding.TextUnmarshaler)
		if err := again.UnmarshalText(b); err != nil {
			t.Fatalf("%T: %q does not decode again: %v", v, b, err)
		}
		if !reflect.DeepEqual(v, again) {
			t.Fatalf("%T: %q decodes to %v, then %q to %v", v, s, v, b, again)
		}
		if _, ok := v.(*Secret); ok && string(b) != s {
			t.Fatalf("Secret changed %q to %q", s, b)
		}
	})
}

// FuzzPersonJSON decodes arbitrary JSON as a Subject (and so a Person and
// Documents): a decode error, or a value that round-trips through JSON and
// whose renderings for people hold no masked-away text.
func FuzzPersonJSON(f *testing.F) {
	f.Add(`{"kind":"individual","name":"张三","certificate":{"type":"resident_id","number":"11010519491231002X"},"owner":{"name":"张三","mobile":"13800138000","email":"a@example.com"}}`)
	f.Add(`{"kind":"enterprise","certificate":{"type":"business_license","number":"91350100M000100Y43"},"owner":{"mobile":"138****8000"}}`)
	f.Add(`{"owner":{"document":{"type":"passport","number":"E12345678","valid_until":"2030-01-01"}}}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, s string) {
		var v Subject
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("decoded but cannot encode: %v", err)
		}
		var again Subject
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("%s does not decode again: %v", b, err)
		}
		if !reflect.DeepEqual(v, again) {
			t.Fatalf("%s: round trip changed the value", b)
		}
		if m := Mask(v.Owner.Mobile.Reveal()); Mask(m) != m {
			t.Fatalf("Mask is not idempotent on %q", m)
		}
		_ = fmt.Sprintf("%v %+v %#v %x", v, v.Owner, v.Certificate, v.Masked())
	})
}
