package subject_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

func ExampleParseResidentID() {
	id, err := subject.ParseResidentID("11010519491231002x") // the standard's example, lower-case x
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(id) // masked
	fmt.Println(id.Province(), id.Birthdate().Format(time.DateOnly), id.Female())
	fmt.Println(id.AgeAt(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)))
	// Output:
	// 1101**********002X
	// 北京 1949-12-31 true
	// 76
}

func ExampleParseResidentID_errors() {
	for _, s := range []string{"36042619910102009X", "1101051949123100", "990426199112010074"} {
		_, err := subject.ParseResidentID(s)
		var pe *subject.ParseError
		errors.As(err, &pe)
		fmt.Println(pe.Part, "|", errors.Is(err, subject.ErrChecksum), errors.Is(err, subject.ErrFormat), errors.Is(err, subject.ErrComponent))
	}
	// Output:
	// check character | true false false
	// length | false true false
	// province code | false false true
}

func ExampleParseCreditCode() {
	cc, _ := subject.ParseCreditCode("91350100M000100Y43")
	kind, _ := cc.Kind()
	p, _ := cc.Province()
	fmt.Println(cc, kind, cc.OrgType(), p, cc.OrgCode())
	// Output: 91350100M000100Y43 enterprise 企业 福建 M000100Y4
}

func ExampleParseMobile() {
	for _, s := range []string{"+86 138 0013 8000", "17001234567", "1440123456789"} {
		m, err := subject.ParseMobile(s)
		fmt.Println(m, m.Class(), m.Carrier(), m.CanReceiveVerificationSMS(), err)
	}
	_, err := subject.ParseMobile("14012345678")
	fmt.Println(err)
	// Output:
	// 138****8000 basic mobile true <nil>
	// 170****4567 virtual telecom false <nil>
	// 144******6789 iot mobile false <nil>
	// subject.ParseMobile("140****5678"): segment (not allocated to mobile numbers): invalid component
}

func ExampleParseLandline() {
	l, err := subject.ParseLandline("(0571) 8888 7777 转 123")
	fmt.Println(l.Number(), l, err)
	// Output: 0571-88887777-123 0571-****7777 <nil>
}

func ExampleParseDocument() {
	d, err := subject.ParseDocument(subject.TaiwanPermit, "1234567890(B)")
	fmt.Println(d.Number(), d, err)
	// Output: 1234567890B 123****890B <nil>
}

func ExampleCheckAddress() {
	opts := subject.AddressOptions{Province: province.Beijing, NoShixiaqu: true}
	for _, p := range subject.CheckAddress("北京市市辖区宣武区广安门内大街", opts) {
		fmt.Println(p.Code, p.Detail)
	}
	// Output:
	// address.shixiaqu 市辖区
	// address.obsolete_district 宣武区→西城区
	// address.no_house_number
}

func ExampleCompareNames() {
	m, _ := subject.CompareNames("示例（杭州）科技有限公司", "示例(杭州)科技有限公司")
	fmt.Println(m)
	m, at := subject.CompareNames("杭州示例网络科技有限公司", "杭州示例信息科技有限公司")
	fmt.Println(m, at)
	// Output:
	// equal_folded
	// different 4
}

func ExampleEmailInDomains() {
	fmt.Println(subject.EmailInDomains("admin@mail.example.com", "example.com"))
	fmt.Println(subject.EmailInDomains("admin@qq.com", "example.com"))
	// Output:
	// true
	// false
}

func ExampleSecret() {
	p := subject.Person{Name: "张三", Mobile: "13800138000",
		Document: subject.Document{Type: subject.ResidentIDCard, Number: "11010519491231002X"}}
	fmt.Printf("%v\n", p)
	fmt.Println(p.Mobile.Reveal())
	// Output:
	// 张* (resident_id 1101**********002X, 138****8000)
	// 13800138000
}

func ExampleKind_Certificates() {
	fmt.Println(subject.Institution.NameZh(), subject.Institution.Certificates())
	// Output: 事业单位 [institution_certificate credit_code_certificate organization_code_certificate]
}

// Text encodings, and so JSON, carry the full number for storage; fmt and
// slog show it masked.
func ExampleResidentID_MarshalText() {
	type record struct {
		ID subject.ResidentID `json:"id"`
	}
	r := record{ID: subject.MustParseResidentID("11010519491231002X")} // the standard's example
	b, _ := json.Marshal(r)
	fmt.Println(string(b))
	fmt.Printf("%v %+v\n", r.ID, r)

	noTime := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}
	slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime})).Info("filed", "id", r.ID)
	// Output:
	// {"id":"11010519491231002X"}
	// 1101**********002X {ID:1101**********002X}
	// {"level":"INFO","msg":"filed","id":"1101**********002X"}
}

// A panel stores a Person as JSON in full and shows the JSON of its Masked
// view; a company's credit code is public and stays whole.
func ExamplePerson_Masked() {
	p := subject.Person{Name: "张三", Mobile: "13800138000", Email: "zhangsan@example.com",
		Document: subject.Document{Type: subject.ResidentIDCard, Number: "11010519491231002X"}}
	stored, _ := json.Marshal(p)
	shown, _ := json.Marshal(p.Masked())
	fmt.Println(string(stored))
	fmt.Println(string(shown))

	s := subject.Subject{Kind: subject.Enterprise, Name: "示例科技有限公司", Owner: p,
		Certificate: subject.Document{Type: subject.BusinessLicense, Number: "91350100M000100Y43"}}
	fmt.Println(s)
	fmt.Println(s.Masked().Certificate.Number.Reveal())
	// Output:
	// {"name":"张三","document":{"type":"resident_id","number":"11010519491231002X"},"mobile":"13800138000","email":"zhangsan@example.com"}
	// {"name":"张*","document":{"type":"resident_id","number":"1101**********002X"},"mobile":"138****8000","email":"z***@example.com"}
	// enterprise 示例科技有限公司 (91350100M000100Y43)
	// 91350100M000100Y43
}

// Masked text fed back to a decoder is refused with ErrMasked, naming the
// masked characters.
func ExampleIsMasked() {
	fmt.Println(subject.IsMasked("138****8000"), subject.IsMasked("13800138000"))

	var p subject.Person
	err := json.Unmarshal([]byte(`{"name":"张三","mobile":"138****8000"}`), &p)
	fmt.Println(errors.Is(err, subject.ErrMasked), errors.Is(err, subject.ErrFormat))
	fmt.Println(err)

	var id subject.ResidentID
	err = id.UnmarshalText([]byte("1101**********002X"))
	var pe *subject.ParseError
	errors.As(err, &pe)
	fmt.Println(pe.Part)
	// Output:
	// true false
	// true true
	// subject.Secret.UnmarshalText("138****8000"): masked characters 4–7 (* where the full value belongs): masked value
	// masked characters 5–14 (* where the full value belongs)
}
