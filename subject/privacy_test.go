package subject

import (
	"bytes"
	"database/sql/driver"
	"encoding"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/province"
)

// The generators below make synthetic values that pass every checksum.
// They are random digits, never a real person's number; the seed is fixed
// so that a failure reproduces.

const propertyRuns = 500

func newRand() *rand.Rand { return rand.New(rand.NewPCG(14, 2026)) }

func digitsOf(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// genBirth returns YYYYMMDD of a real date from 1900 to 2025.
func genBirth(r *rand.Rand) string {
	y := 1900 + r.IntN(126)
	m := 1 + r.IntN(12)
	d := 1 + r.IntN(daysIn(y, m))
	return fmt.Sprintf("%04d%02d%02d", y, m, d)
}

// genIDNumber returns a synthetic 18-character number of the given kind.
func genIDNumber(r *rand.Rand, k IDKind) string {
	var head string
	switch k {
	case MainlandID:
		head = fmt.Sprintf("%02d%04d", pick(r, province.All()).Code(), r.IntN(10000))
	case HMTResidencePermit:
		head = pick(r, []string{"810000", "820000", "830000"})
	case ForeignPermanentResident:
		head = fmt.Sprintf("9%02d%03d", pick(r, province.All()).Code(), r.IntN(1000))
	}
	return synthID(head + genBirth(r) + digitsOf(r, 3))
}

func genResidentID(r *rand.Rand) ResidentID {
	return MustParseResidentID(genIDNumber(r, IDKind(1+r.IntN(3))))
}

func genMobileNumber(r *rand.Rand) string {
	for {
		seg := pick(r, DefaultSegments().Segments())
		s := seg.Prefix + digitsOf(r, seg.Digits-len(seg.Prefix))
		if _, err := ParseMobile(s); err == nil {
			return s
		}
	}
}

func genLandlineNumber(r *rand.Rand) string {
	area := fmt.Sprintf("0%d%d", 1+r.IntN(2), r.IntN(10))
	if r.IntN(2) == 0 {
		area = fmt.Sprintf("0%d%02d", 3+r.IntN(7), r.IntN(100))
	}
	s := area + "-" + fmt.Sprint(2+r.IntN(8)) + digitsOf(r, 6+r.IntN(2))
	if r.IntN(3) == 0 {
		s += "-" + digitsOf(r, 1+r.IntN(6))
	}
	return s
}

func genCreditCodeNumber(r *rand.Rand) string {
	ot := pick(r, orgTypes)
	b := []byte(string(ot.code[:]) + digitsOf(r, 6))
	for range 9 {
		b = append(b, ccAlphabet[r.IntN(len(ccAlphabet))])
	}
	return synthCC(string(b))
}

const upperAlnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

func alnum(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = upperAlnum[r.IntN(len(upperAlnum))]
	}
	return string(b)
}

// genDocNumber returns a number that ParseDocument accepts for t, or ""
// for the types it parses no number of (ForeignRepresentativeCertificate).
func genDocNumber(r *rand.Rand, t DocType) string {
	switch {
	case t == ResidentIDCard:
		return genIDNumber(r, MainlandID)
	case t == ResidencePermitHMT:
		return genIDNumber(r, HMTResidencePermit)
	case t == ForeignPermanentResidentID:
		if r.IntN(2) == 0 {
			return genIDNumber(r, ForeignPermanentResident)
		}
		return pick(r, []string{"USA", "GBR", "DEU", "JPN"}) + digitsOf(r, 12)
	case t.BearsCreditCode():
		return genCreditCodeNumber(r)
	}
	switch t {
	case OrganizationCodeCertificate:
		first := alnum(r, 8)
		return first + string(refOrgCheck(first))
	case HKMacauPermit:
		return pick(r, []string{"H", "M"}) + digitsOf(r, pick(r, []int{8, 10}))
	case TaiwanPermit:
		switch r.IntN(3) {
		case 0:
			return digitsOf(r, 8)
		case 1:
			return digitsOf(r, 10)
		}
		return digitsOf(r, 10) + string(rune('A'+r.IntN(26)))
	case Passport:
		return pick(r, []string{"E", "G", "P"}) + alnum(r, 4+r.IntN(16))
	case MilitaryCode:
		return alnum(r, 1+r.IntN(30))
	}
	return ""
}

func genDocumentID(r *rand.Rand) DocumentID {
	for {
		t := pick(r, DocTypes())
		if n := genDocNumber(r, t); n != "" {
			return MustParseDocument(t, n)
		}
	}
}

// genText returns valid UTF-8 without mask characters: ASCII, Han, digits,
// controls and quotes, which JSON must escape and restore.
func genText(r *rand.Rand) string {
	pool := []rune("aZ09 -_.@\"\\/\t\n\u0000张三李四欧阳娜娜买·€😀\u2028")
	n := r.IntN(24)
	out := make([]rune, n)
	for i := range out {
		out[i] = pick(r, pool)
	}
	return string(out)
}

func genPerson(r *rand.Rand, personalDoc bool) Person {
	t := pick(r, DocTypes())
	for personalDoc && !t.IsPersonal() || genDocNumber(r, t) == "" {
		t = pick(r, DocTypes())
	}
	p := Person{
		Name:                Secret(pick(r, []string{"张三", "欧阳娜娜", "买买提·艾力", "John Smith", genText(r)})),
		Document:            Document{Type: t, Number: Secret(genDocNumber(r, t))},
		Mobile:              Secret(genMobileNumber(r)),
		EmergencyPhone:      Secret(pick(r, []string{genMobileNumber(r), genLandlineNumber(r), ""})),
		Email:               Secret(fmt.Sprintf("u%d@example.com", r.IntN(100000))),
		LegalRepresentative: r.IntN(2) == 0,
	}
	if r.IntN(2) == 0 {
		p.Document.ValidUntil = Date{2020 + r.IntN(30), time.Month(1 + r.IntN(12)), 1 + r.IntN(28)}
	}
	return p
}

func genSubject(r *rand.Rand) Subject {
	k := pick(r, Kinds())
	s := Subject{Kind: k, Name: genText(r), Province: pick(r, province.All()), Address: genText(r),
		Investor: genText(r), Landline: Secret(genLandlineNumber(r)), Owner: genPerson(r, true), Remark: genText(r)}
	if k == Individual {
		s.Certificate = s.Owner.Document
	} else {
		t := k.Certificates()[0]
		s.Certificate = Document{Type: t, Number: Secret(genDocNumber(r, t))}
	}
	return s
}

// personalNumbers returns the substrings that no rendering for people may
// hold: the full number, its first 17 characters for an ID, and its hex
// form (for %x).
func personalNumbers(full string) []string {
	out := []string{full, hex.EncodeToString([]byte(full)), strings.ToUpper(hex.EncodeToString([]byte(full)))}
	if len(full) == 18 {
		out = append(out, full[:17])
	}
	return out
}

// renderings returns v as people see it: every fmt verb on the value, on a
// pointer to it, and inside a struct, a slice and a map; the slog JSON and
// text handlers; and the error text when v is an error.
func renderings(t *testing.T, v any) []string {
	t.Helper()
	var out []string
	verbs := []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%20v", "%-40s", "%.60s", "%T"}
	type holder struct {
		V any
		W []any
	}
	for _, verb := range verbs {
		out = append(out, fmt.Sprintf(verb, v),
			fmt.Sprintf(verb, holder{V: v, W: []any{v}}),
			fmt.Sprintf(verb, map[string]any{"k": v}))
	}
	for _, h := range []func(*bytes.Buffer) slog.Handler{
		func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
		func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
	} {
		var buf bytes.Buffer
		slog.New(h(&buf)).Info("msg", "v", v, slog.Group("g", "v", v))
		out = append(out, buf.String())
	}
	return out
}

func assertNoLeak(t *testing.T, v any, full ...string) {
	t.Helper()
	for _, r := range renderings(t, v) {
		for _, f := range full {
			for _, leak := range personalNumbers(f) {
				if strings.Contains(r, leak) {
					t.Errorf("%T shows %q: %.300s", v, leak, r)
					return
				}
			}
		}
	}
}

func TestIdentifierRoundTrips(t *testing.T) {
	r := newRand()
	for range propertyRuns {
		id := genResidentID(r)
		m := MustParseMobile(genMobileNumber(r))
		l := MustParseLandline(genLandlineNumber(r))
		cc := MustParseCreditCode(genCreditCodeNumber(r))
		d := genDocumentID(r)

		roundTrip(t, id, new(ResidentID))
		roundTrip(t, m, new(Mobile))
		roundTrip(t, l, new(Landline))
		roundTrip(t, cc, new(CreditCode))
		roundTrip(t, d, new(DocumentID))

		// The stored forms are the full values.
		b, _ := id.MarshalText()
		require.Equal(t, id.Number(), string(b))
		b, _ = m.MarshalText()
		require.Equal(t, m.Number(), string(b))
		b, _ = l.MarshalText()
		require.Equal(t, l.Number(), string(b))
		b, _ = d.MarshalText()
		require.Equal(t, d.Type().String()+":"+d.Number(), string(b))
	}
	// Zero values round-trip too: empty text and SQL NULL.
	roundTrip(t, ResidentID{}, new(ResidentID))
	roundTrip(t, Mobile{}, new(Mobile))
	roundTrip(t, Landline{}, new(Landline))
	roundTrip(t, CreditCode{}, new(CreditCode))
	roundTrip(t, DocumentID{}, new(DocumentID))
}

// sqlCodec is what the identifier types implement for database/sql.
type sqlCodec interface {
	Scan(src any) error
}

// roundTrip checks decode(encode(x)) == x for text, JSON (alone and inside
// an object) and SQL, where dst is a new zero value of x's type.
func roundTrip[T comparable, P interface {
	*T
	encoding.TextUnmarshaler
	sqlCodec
}](t *testing.T, x T, dst P) {
	t.Helper()
	tm, ok := any(x).(encoding.TextMarshaler)
	require.True(t, ok)
	b, err := tm.MarshalText()
	require.NoError(t, err)
	*dst = *new(T)
	require.NoError(t, dst.UnmarshalText(b), "%s", b)
	require.Equal(t, x, *dst, "text round trip of %s", b)

	if ta, ok := any(x).(encoding.TextAppender); ok {
		a, err := ta.AppendText([]byte("prefix:"))
		require.NoError(t, err)
		require.Equal(t, "prefix:"+string(b), string(a), "AppendText appends MarshalText")
	}

	js, err := json.Marshal(struct{ V T }{x})
	require.NoError(t, err)
	var back struct{ V T }
	require.NoError(t, json.Unmarshal(js, &back), "%s", js)
	require.Equal(t, x, back.V, "JSON round trip of %s", js)

	v, err := any(x).(driver.Valuer).Value()
	if err == nil {
		*dst = *new(T)
		require.NoError(t, dst.Scan(v))
		require.Equal(t, x, *dst, "SQL round trip of %v", v)
		if bs, ok := v.(string); ok {
			*dst = *new(T)
			require.NoError(t, dst.Scan([]byte(bs)), "drivers may return []byte")
			require.Equal(t, x, *dst)
		}
	}
	require.NoError(t, err)
}

func TestSecretPersonSubjectRoundTrips(t *testing.T) {
	r := newRand()
	for range propertyRuns {
		sec := Secret(genText(r))
		roundTrip(t, sec, new(Secret))

		p := genPerson(r, false)
		js, err := json.Marshal(p)
		require.NoError(t, err)
		var back Person
		require.NoError(t, json.Unmarshal(js, &back), "%s", js)
		require.Equal(t, p, back, "Person JSON round trip of %s", js)

		s := genSubject(r)
		js, err = json.Marshal(s)
		require.NoError(t, err)
		var sb Subject
		require.NoError(t, json.Unmarshal(js, &sb), "%s", js)
		require.Equal(t, s, sb, "Subject JSON round trip of %s", js)
		require.Contains(t, string(js), s.Owner.Document.Number.Reveal(), "JSON holds the full number")
	}
	// The zero values.
	for _, v := range []any{&Person{}, &Subject{}, &Document{}} {
		js, err := json.Marshal(v)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(js, v), "%s", js)
	}
}

func TestEnumRoundTrips(t *testing.T) {
	type enum interface {
		encoding.TextMarshaler
		fmt.Stringer
	}
	check := func(t *testing.T, x enum, dst encoding.TextUnmarshaler, get func() any) {
		t.Helper()
		b, err := x.MarshalText()
		require.NoError(t, err)
		require.NoError(t, dst.UnmarshalText(b), "%s", b)
		require.Equal(t, x, get(), "text round trip of %q", b)
		js, err := json.Marshal(x)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(js, dst))
		require.Equal(t, x, get(), "JSON round trip of %s", js)
		if x != get() || string(b) == "" {
			return
		}
		require.Equal(t, x.String(), string(b), "text is the String token")
	}
	for _, k := range append(Kinds(), 0) {
		var d Kind
		check(t, k, &d, func() any { return d })
	}
	for _, k := range append(DocTypes(), 0) {
		var d DocType
		check(t, k, &d, func() any { return d })
	}
	for _, k := range []IDKind{0, MainlandID, HMTResidencePermit, ForeignPermanentResident} {
		var d IDKind
		check(t, k, &d, func() any { return d })
	}
	for _, k := range []Class{0, Basic, Virtual, IoT, Satellite, Emergency} {
		var d Class
		check(t, k, &d, func() any { return d })
	}
	for _, k := range []Carrier{0, ChinaMobile, ChinaUnicom, ChinaTelecom, ChinaBroadnet} {
		var d Carrier
		check(t, k, &d, func() any { return d })
	}
	for _, k := range []NameMatch{NamesIdentical, NamesEqualFolded, NamesDifferent} {
		var d NameMatch
		check(t, k, &d, func() any { return d })
	}
	// Undefined values do not encode, unknown tokens do not decode.
	for _, x := range []encoding.TextMarshaler{Kind(99), DocType(99), IDKind(9), Class(9), Carrier(9), NameMatch(9)} {
		_, err := x.MarshalText()
		assert.Error(t, err, "%T(%v)", x, x)
	}
	for _, dst := range []encoding.TextUnmarshaler{new(Kind), new(DocType), new(IDKind), new(Class), new(Carrier), new(NameMatch)} {
		err := dst.UnmarshalText([]byte("company"))
		assert.ErrorIs(t, err, ErrComponent, "%T", dst)
	}
}

func TestDecodersRefuseMasked(t *testing.T) {
	r := newRand()
	id := genResidentID(r)
	m := MustParseMobile("13912345678")
	l := MustParseLandline("0571-88887777")
	d := MustParseDocument(Passport, "E12345678")
	tests := []struct {
		name string
		dst  encoding.TextUnmarshaler
		in   string
		part string
	}{
		{"resident ID as String prints it", new(ResidentID), id.String(), "masked characters 5–14 (* where the full value belongs)"},
		{"resident ID with full-width asterisks", new(ResidentID), "1101＊＊＊＊＊＊＊＊＊＊002X", "masked characters 5–14 (* where the full value belongs)"},
		{"mobile", new(Mobile), m.String(), "masked characters 4–7 (* where the full value belongs)"},
		{"mobile with +86", new(Mobile), "+86 139****5678", "masked characters 8–11 (* where the full value belongs)"},
		{"landline", new(Landline), l.String(), "masked characters 6–9 (* where the full value belongs)"},
		{"document", new(DocumentID), "passport:" + d.String(), "masked characters 4–5 (* where the full value belongs)"},
		{"resident ID document", new(DocumentID), "resident_id:" + id.String(), "masked characters 5–14 (* where the full value belongs)"},
		{"credit code masked by an older release", new(CreditCode), "9133**********3L70", "masked characters 5–14 (* where the full value belongs)"},
		{"secret holding a masked credit code", new(Secret), "9133**********3L70", "masked characters 5–14 (* where the full value belongs)"},
		{"secret holding a masked e-mail", new(Secret), Mask("zhangsan@example.com"), "masked characters 2–4 (* where the full value belongs)"},
		{"secret holding a masked name", new(Secret), Mask("张三"), "masked character 2 (* where the full value belongs)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.dst.UnmarshalText([]byte(tt.in))
			require.ErrorIs(t, err, ErrMasked)
			assert.ErrorIs(t, err, ErrFormat, "ErrMasked matches ErrFormat")
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.part, pe.Part)
			if sc, ok := tt.dst.(sqlCodec); ok {
				assert.ErrorIs(t, sc.Scan(tt.in), ErrMasked, "Scan refuses it too")
			}
		})
	}
	// JSON of the masked views does not decode: a display form cannot be
	// stored back by mistake.
	p := genPerson(r, true)
	js, err := json.Marshal(p.Masked())
	require.NoError(t, err)
	var back Person
	assert.ErrorIs(t, json.Unmarshal(js, &back), ErrMasked, "%s", js)
	js, err = json.Marshal(genSubject(r).Masked())
	require.NoError(t, err)
	var sb Subject
	assert.ErrorIs(t, json.Unmarshal(js, &sb), ErrMasked, "%s", js)

	assert.True(t, IsMasked("1101**********002X"))
	assert.True(t, IsMasked("138＊＊＊＊8000"))
	assert.False(t, IsMasked("11010519491231002X"))
	assert.ErrorIs(t, CheckPersonName("张*"), ErrMasked)
	assert.ErrorIs(t, new(Secret).Scan(42), ErrFormat, "a number is no text")
}

func TestPeopleNeverSeeFullValues(t *testing.T) {
	r := newRand()
	for range propertyRuns / 5 {
		id := genResidentID(r)
		m := MustParseMobile(genMobileNumber(r))
		l := MustParseLandline(genLandlineNumber(r))
		p := genPerson(r, true)
		s := genSubject(r)
		s.Kind = Individual
		s.Certificate = s.Owner.Document
		docNum := p.Document.Number.Reveal()
		assertNoLeak(t, id, id.Number())
		assertNoLeak(t, &id, id.Number())
		assertNoLeak(t, m, m.Number())
		assertNoLeak(t, &m, m.Number())
		// A landline keeps its area code and last 4 digits.
		assertNoLeak(t, l, l.Number()[len(l.AreaCode())+1:])
		assertNoLeak(t, p.Mobile, p.Mobile.Reveal())
		assertNoLeak(t, p.Document, docNum)
		assertNoLeak(t, p, docNum, p.Mobile.Reveal(), p.Email.Reveal())
		assertNoLeak(t, &p, docNum, p.Mobile.Reveal(), p.Email.Reveal())
		assertNoLeak(t, p.Masked(), docNum, p.Mobile.Reveal(), p.Email.Reveal())
		assertNoLeak(t, s, s.Owner.Document.Number.Reveal(), s.Owner.Mobile.Reveal(), s.Landline.Reveal())
		if d, err := p.Document.Parse(); err == nil {
			assertNoLeak(t, d, docNum)
			// fmt cannot call the methods of a value in an unexported
			// field: the fields hold the numbers scrambled.
			type private struct {
				id ResidentID
				m  Mobile
				l  Landline
				d  DocumentID
			}
			assertNoLeak(t, private{id, m, l, d}, id.Number(), m.Number(), l.Number()[len(l.AreaCode())+1:], d.Number())
		}
		_, err := ParseResidentID(id.Number()[:17] + "Y")
		assertNoLeak(t, err, id.Number())
		_, err = ParseMobile(m.Number() + "0")
		assertNoLeak(t, err, m.Number())
		// A personal number typed into a field that holds none is masked
		// when the error echoes it (IoT numbers, 13 digits, are a device's
		// and not echo-masked).
		m = MustParseMobile("139" + digitsOf(r, 8))
		for _, parse := range []func(string) error{
			func(s string) error { _, err := ParseKind(s); return err },
			func(s string) error { _, err := ParseDocType(s); return err },
			func(s string) error { _, err := ParseDate(s); return err },
			func(s string) error { _, err := ParseCreditCode(s); return err },
			func(s string) error { var d DocumentID; return d.UnmarshalText([]byte(s)) },
		} {
			for _, in := range []string{id.Number(), m.Number(), "x " + id.Number() + " " + m.Number()} {
				if err := parse(in); err != nil {
					assertNoLeak(t, err, id.Number(), m.Number())
				}
			}
		}

		// The masked JSON views hold no full value either.
		js, err := json.Marshal(s.Masked())
		require.NoError(t, err)
		for _, full := range []string{s.Owner.Document.Number.Reveal(), s.Owner.Mobile.Reveal(), s.Landline.Reveal(), s.Owner.Email.Reveal()} {
			require.NotContains(t, string(js), full)
		}
	}
}

func TestCreditCodeIsPublic(t *testing.T) {
	code := synthCC("91330106MA2H0K3L7")
	cc := MustParseCreditCode(code)
	s := Subject{Kind: Enterprise, Name: "杭州示例网络科技有限公司", Address: "浙江省杭州市西湖区文三路100号",
		Certificate: Document{Type: BusinessLicense, Number: Secret(code)},
		Owner:       Person{Name: "张三", Document: Document{Type: ResidentIDCard, Number: Secret(synthID("33010619900307123"))}}}
	doc := MustParseDocument(BusinessLicense, code)
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("m", "cc", cc, "doc", doc, "subject", s, "cert", s.Certificate)
	masked, err := json.Marshal(s.Masked())
	require.NoError(t, err)
	for name, out := range map[string]string{
		"String":                 cc.String(),
		"%v":                     fmt.Sprintf("%v", cc),
		"DocumentID.String":      doc.String(),
		"DocumentID %v":          fmt.Sprintf("%v", doc),
		"Document.String":        s.Certificate.String(),
		"Document.DisplayNumber": s.Certificate.DisplayNumber(),
		"Document %+v":           fmt.Sprintf("%+v", s.Certificate),
		"Subject.String":         s.String(),
		"Subject %v":             fmt.Sprintf("%v", s),
		"slog":                   logged.String(),
		"Subject.Masked JSON":    string(masked),
		"credit code parse error": func() string {
			_, err := ParseCreditCode(code[:17] + "Z")
			return err.Error()
		}(),
	} {
		assert.Contains(t, out, code[:17], name)
	}
	assert.Equal(t, "enterprise 杭州示例网络科技有限公司 ("+code+")", s.String())
	assert.Contains(t, string(masked), `"name":"杭州示例网络科技有限公司"`, "a unit's name is public")
	assert.Contains(t, string(masked), `"address":"浙江省杭州市西湖区文三路100号"`, "a unit's address is public")
	assert.NotContains(t, string(masked), "张三", "its owner is a person")

	// An identity number typed into a unit's certificate field is not a
	// credit code and is masked.
	wrong := Document{Type: BusinessLicense, Number: Secret(synthID("33010619900307123"))}
	assert.Equal(t, "business_license 3301**********"+synthID("33010619900307123")[14:], wrong.String())
}

func TestMaskedViews(t *testing.T) {
	id := synthID("33010619900307123")
	p := Person{Name: "张三", Document: Document{Type: ResidentIDCard, Number: Secret(id), ValidUntil: Date{2030, 1, 1}},
		Mobile: "13912345678", EmergencyPhone: "0571-88887777", Email: "zhangsan@example.com", LegalRepresentative: true}
	m := p.Masked()
	assert.Equal(t, Person{Name: "张*", Document: Document{Type: ResidentIDCard, Number: Secret(id[:4] + "**********" + id[14:]), ValidUntil: Date{2030, 1, 1}},
		Mobile: "139****5678", EmergencyPhone: "057******7777", Email: "z***@example.com", LegalRepresentative: true}, m)
	s := Subject{Kind: Individual, Name: "张三", Address: "浙江省杭州市西湖区文三路100号", Certificate: p.Document, Owner: p,
		Remark: "身份证 " + id + " 已上传"}
	sm := s.Masked()
	assert.Equal(t, "张*", sm.Name)
	assert.Equal(t, "浙"+strings.Repeat("*", 15), sm.Address)
	assert.Equal(t, "身份证 "+id[:4]+"**********"+id[14:]+" 已上传", sm.Remark)
	assert.Equal(t, m, sm.Owner)
	assert.Equal(t, Secret(""), Secret("").Masked())
	assert.Equal(t, m, m.Masked(), "masking a masked view changes nothing")
	assert.Equal(t, "张* (resident_id "+id[:4]+"**********"+id[14:]+", 139****5678)", m.String())
}
