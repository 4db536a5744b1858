package subject

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/province"
)

// synthID completes 17 digits with their check character: every ID in these
// tests is synthetic except the standard's own examples.
func synthID(first17 string) string { return first17 + string(ResidentIDCheck(first17)) }

func synthCC(first17 string) string { return first17 + string(CreditCodeCheck(first17)) }

func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7F {
			r += 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestParseResidentID(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // canonical number; "" for an error
		err  error
		part string
	}{
		{"GB 11643 example, female, X check", "11010519491231002X", "11010519491231002X", nil, ""},
		{"GB 11643 example born 1880, retired county code", "440524188001010014", "440524188001010014", nil, ""},
		{"retired county code 412723 still held", "412723199010050012", "412723199010050012", nil, ""},
		{"lower-case x is normalised", "44011320141005001x", "44011320141005001X", nil, ""},
		{"full-width digits", fullWidth("11010519491231002X"), "11010519491231002X", nil, ""},
		{"spaces inside", "110105 19491231 002X", "11010519491231002X", nil, ""},
		{"synthetic Zhejiang", synthID("33010619900307123"), synthID("33010619900307123"), nil, ""},
		{"future birth parses (checked with ValidAt)", "110101209901010017", "110101209901010017", nil, ""},
		{"bad check character", "36042619910102009X", "", ErrChecksum, "check character"},
		{"month 13", synthID("36042619911301007"), "", ErrComponent, "birth date"},
		{"30 February", synthID("11010119900230001"), "", ErrComponent, "birth date"},
		{"29 February of a non-leap year", synthID("11010119000229001"), "", ErrComponent, "birth date"},
		{"29 February 2000 is valid", synthID("11010120000229001"), synthID("11010120000229001"), nil, ""},
		{"year before 1800", synthID("11010117991231001"), "", ErrComponent, "birth date"},
		{"unknown province 99", "990426199112010074", "", ErrComponent, "province code"},
		{"residence permit is not a mainland ID", synthID("81000019900101001"), "", ErrComponent, "province code (81–83 is a residence permit; use ParseIDNumber)"},
		{"17 digits", "11010519491231002", "", ErrLength, "length"},
		{"19 characters", "11010519491231002XX", "", ErrLength, "length"},
		{"letter inside", "1101051949123A002X", "", ErrFormat, "digits"},
		{"check is a letter other than X", "11010519491231002Y", "", ErrFormat, "check character"},
		{"15-digit legacy number", "110105491231002", "", ErrLength, "length"},
		{"empty", "", "", ErrLength, "length"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := ParseResidentID(tt.in)
			if tt.err != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, tt.err)
				var pe *ParseError
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, tt.part, pe.Part)
				assert.Equal(t, "ParseResidentID", pe.Func)
				assert.False(t, id.IsValid())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, id.Number())
			again, err := ParseResidentID(id.Number())
			require.NoError(t, err)
			assert.Equal(t, id, again, "Parse(x.Number()) == x")
		})
	}
}

func TestResidentIDMethods(t *testing.T) {
	id := MustParseResidentID("11010519491231002X")
	assert.Equal(t, MainlandID, id.Kind())
	assert.Equal(t, time.Date(1949, 12, 31, 0, 0, 0, 0, time.UTC), id.Birthdate())
	assert.True(t, id.Female())
	assert.Equal(t, province.Beijing, id.Province())
	assert.Equal(t, 110105, id.DivisionCode())
	assert.Equal(t, "1101**********002X", id.String())
	assert.Equal(t, 76, id.AgeAt(time.Date(2026, 12, 30, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, 77, id.AgeAt(time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)))
	b, err := id.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "11010519491231002X", string(b), "text is for storage: the full number")
	var back ResidentID
	assert.ErrorIs(t, back.UnmarshalText([]byte(id.String())), ErrMasked, "a masked number does not parse")
	assert.ErrorIs(t, back.UnmarshalText([]byte(id.String())), ErrFormat, "ErrMasked matches ErrFormat")
	require.NoError(t, back.UnmarshalText(b))
	assert.Equal(t, id, back)

	male := MustParseResidentID("440524188001010014")
	assert.False(t, male.Female())

	future := MustParseResidentID("110101209901010017")
	assert.ErrorIs(t, future.ValidAt(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)), ErrComponent)
	assert.NoError(t, id.ValidAt(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, -1, future.AgeAt(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)))

	hk, err := ParseIDNumber(synthID("81000019900101001"))
	require.NoError(t, err)
	assert.Equal(t, HMTResidencePermit, hk.Kind())
	assert.Equal(t, province.Province(0), hk.Province())
	_, err = ParseIDNumber(synthID("81010519900101001"))
	assert.ErrorIs(t, err, ErrComponent, "a residence permit's area code is 810000")
	fpr, err := ParseIDNumber(synthID("93384019900101001"))
	require.NoError(t, err)
	assert.Equal(t, ForeignPermanentResident, fpr.Kind())

	var zero ResidentID
	assert.Equal(t, "", zero.String())
	assert.Equal(t, "", zero.Number())
	assert.Equal(t, time.Time{}, zero.Birthdate())
	assert.False(t, zero.Female())
}

func TestIDAlsoValidAsCreditCode(t *testing.T) {
	// Synthetic strings that pass both checksums (peers.md §5): the type
	// comes from the form field, never from guessing.
	for _, s := range []string{"110101199001010939", "11010119900101012X"} {
		_, err := ParseResidentID(s)
		assert.NoError(t, err, s)
	}
	_, err := ParseCreditCode("110101199001010939")
	assert.NoError(t, err)
}

func TestParseCreditCode(t *testing.T) {
	var zeroCheck string
	for i := 0; i < 1000 && zeroCheck == ""; i++ {
		s := fmt.Sprintf("91330106MA2%06d", i)
		if CreditCodeCheck(s) == '0' {
			zeroCheck = s + "0"
		}
	}
	require.NotEmpty(t, zeroCheck)
	tests := []struct {
		name string
		in   string
		kind Kind
		prov province.Province
		err  error
	}{
		{"GB 32100 sample", "91350100M000100Y43", Enterprise, province.Fujian, nil},
		{"python-stdnum documentation sample", "91110000600037341L", Enterprise, province.Beijing, nil},
		{"check character 0 (a peer rejects these)", zeroCheck, Enterprise, province.Zhejiang, nil},
		{"lower case", strings.ToLower("91350100M000100Y43"), Enterprise, province.Fujian, nil},
		{"full width and spaces", fullWidth("9135 0100 M000 100Y 43"), Enterprise, province.Fujian, nil},
		{"individual business 92", synthCC("92330106MA2H12345"), IndividualBusiness, province.Zhejiang, nil},
		{"government 11", synthCC("11330000002482645"), Government, province.Zhejiang, nil},
		{"institution 12", synthCC("12330000470003181"), Institution, province.Zhejiang, nil},
		{"law firm 31", synthCC("31330000MD0188731"), LawFirm, province.Zhejiang, nil},
		{"social organisation 51", synthCC("51330000501791592"), SocialOrganization, province.Zhejiang, nil},
		{"private non-enterprise 52", synthCC("52330000MJ8800234"), PrivateNonEnterprise, province.Zhejiang, nil},
		{"foundation 53", synthCC("53330000MJ8800234"), Foundation, province.Zhejiang, nil},
		{"military A1 (letter in position 1)", synthCC("A1110000MB0000011"), Military, province.Beijing, nil},
		{"agricultural N2, no single kind", synthCC("N2330106MF0000011"), 0, province.Zhejiang, nil},
		{"other Y1", synthCC("Y1330106MG0000012"), 0, province.Zhejiang, nil},
		{"central-level division 100000", synthCC("11100000000013127"), Government, 0, nil},
		{"bad checksum", "91110000600037341N", 0, 0, ErrChecksum},
		{"all ones (regex peers accept it)", "111111111111111111", 0, 0, ErrChecksum},
		{"letters outside the alphabet", "9111000060003IOZSV", 0, 0, ErrFormat},
		{"unknown type 94", synthCC("94330106MA2H12345"), 0, 0, ErrComponent},
		{"letter in the division code", synthCC("9133A106MA2H12345"), 0, 0, ErrComponent},
		{"17 characters", "91350100M000100Y4", 0, 0, ErrLength},
		{"empty", "", 0, 0, ErrLength},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cc, err := ParseCreditCode(tt.in)
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err)
				assert.False(t, cc.IsValid())
				return
			}
			require.NoError(t, err)
			k, ok := cc.Kind()
			assert.Equal(t, tt.kind, k)
			assert.Equal(t, tt.kind != 0, ok)
			p, _ := cc.Province()
			assert.Equal(t, tt.prov, p)
			assert.False(t, cc.Pilot())
			again, err := ParseCreditCode(cc.String())
			require.NoError(t, err)
			assert.Equal(t, cc, again)
			assert.Len(t, cc.OrgCode(), 9)
			assert.NotEmpty(t, cc.OrgType())
		})
	}
}

func TestCreditCodePilotAndOrgCode(t *testing.T) {
	codes, src := PilotCodes()
	require.Len(t, codes, 4)
	assert.NotEmpty(t, src)
	for _, c := range codes {
		assert.NotEqual(t, c[17], CreditCodeCheck(c[:17]), "pilot codes fail the checksum")
		cc, err := ParseCreditCode(c)
		require.NoError(t, err, c)
		assert.True(t, cc.Pilot())
	}
	// An organisation code with a valid GB 11714 check: weights 3 7 9 10 5 8
	// 4 2 over "D2143569" give 11 - (sum mod 11).
	cc := MustParseCreditCode(synthCC("91310000D21435699"))
	assert.Equal(t, "D21435699", cc.OrgCode())
	assert.Equal(t, refOrgCheck("D2143569") == '9', cc.OrgCodeValid())
	assert.False(t, CreditCode{}.OrgCodeValid())
}

func refOrgCheck(s string) byte {
	w := []int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := range 8 {
		v := int(s[i] - '0')
		if s[i] >= 'A' {
			v = int(s[i]-'A') + 10
		}
		sum += v * w[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + c)
	}
}

func TestOrgCodeCheck(t *testing.T) {
	first := "D2143569"
	code := first + string(refOrgCheck(first))
	d, err := ParseDocument(OrganizationCodeCertificate, first+"-"+string(refOrgCheck(first)))
	require.NoError(t, err)
	assert.Equal(t, code, d.Number())
	bad := first + "1"
	if refOrgCheck(first) == '1' {
		bad = first + "2"
	}
	_, err = ParseDocument(OrganizationCodeCertificate, bad)
	assert.ErrorIs(t, err, ErrChecksum)
	// The exported check agrees with the reference above, on both results
	// that are not digits, and refuses what is not a body.
	for _, f := range []string{first, "12345678", "D2143561", "A0000000", "99999999", "ZZZZZZZZ"} {
		assert.Equal(t, refOrgCheck(f), OrgCodeCheck(f), f)
	}
	assert.Zero(t, OrgCodeCheck("d2143569"))
	assert.Zero(t, OrgCodeCheck("D214356"))
}

func TestParseMobile(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		number  string
		class   Class
		carrier Carrier
		err     error
	}{
		{"China Mobile 138", "13800138000", "13800138000", Basic, ChinaMobile, nil},
		{"+86 with spaces", "+86 138 0013 8000", "13800138000", Basic, ChinaMobile, nil},
		{"0086 prefix", "008613800138000", "13800138000", Basic, ChinaMobile, nil},
		{"+86 without spaces", "+8613800138000", "13800138000", Basic, ChinaMobile, nil},
		{"bare 86 prefix", "8613800138000", "13800138000", Basic, ChinaMobile, nil},
		{"dashes", "138-0013-8000", "13800138000", Basic, ChinaMobile, nil},
		{"full-width digits", fullWidth("13800138000"), "13800138000", Basic, ChinaMobile, nil},
		{"Unicom 186", "18612345678", "18612345678", Basic, ChinaUnicom, nil},
		{"Telecom 199", "19912345678", "19912345678", Basic, ChinaTelecom, nil},
		{"Broadnet 192", "19212345678", "19212345678", Basic, ChinaBroadnet, nil},
		{"Broadnet 1610 (UNCERTAIN, 2026)", "16101234567", "16101234567", Basic, ChinaBroadnet, nil},
		{"161 outside 1610 is unallocated", "16111234567", "", 0, 0, ErrComponent},
		{"Telecom 193 (a peer rejects it)", "19312345678", "19312345678", Basic, ChinaTelecom, nil},
		{"virtual 162", "16212345678", "16212345678", Virtual, ChinaTelecom, nil},
		{"virtual 165", "16512345678", "16512345678", Virtual, ChinaMobile, nil},
		{"virtual 167", "16712345678", "16712345678", Virtual, ChinaUnicom, nil},
		{"virtual 1700", "17001234567", "17001234567", Virtual, ChinaTelecom, nil},
		{"virtual 1709", "17091234567", "17091234567", Virtual, ChinaUnicom, nil},
		{"virtual 171", "17112345678", "17112345678", Virtual, ChinaUnicom, nil},
		{"IoT 13 digits 1440x", "1440123456789", "1440123456789", IoT, ChinaMobile, nil},
		{"IoT 13 digits 146", "1461234567890", "1461234567890", IoT, ChinaUnicom, nil},
		{"maritime satellite 1749", "17491234567", "17491234567", Satellite, MaritimeSatellite, nil},
		{"emergency 17406", "17406123456", "17406123456", Emergency, EmergencyCenter, nil},
		{"satellite 1349 is not China Mobile", "13491234567", "13491234567", Satellite, ChinaTelecom, nil},
		{"1348 stays China Mobile", "13481234567", "13481234567", Basic, ChinaMobile, nil},
		{"unallocated 140", "14012345678", "", 0, 0, ErrComponent},
		{"unallocated 154", "15412345678", "", 0, 0, ErrComponent},
		{"unallocated 194", "19412345678", "", 0, 0, ErrComponent},
		{"unallocated 1748", "17481234567", "", 0, 0, ErrComponent},
		{"IoT prefix with 11 digits", "14812345678", "", 0, 0, ErrComponent},
		{"10 digits", "1380013800", "", 0, 0, ErrLength},
		{"12 digits", "138001380001", "", 0, 0, ErrLength},
		{"92 is no mobile (a peer accepts it)", "92123456789", "", 0, 0, ErrFormat},
		{"letters", "1380013800a", "", 0, 0, ErrFormat},
		{"empty", "", "", 0, 0, ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMobile(tt.in)
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err)
				if len(tt.in) >= 11 {
					assert.NotContains(t, err.Error(), tt.in, "the input is masked")
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.number, m.Number())
			assert.Equal(t, tt.class, m.Class())
			assert.Equal(t, tt.carrier, m.Carrier())
			assert.Equal(t, tt.class == Virtual, m.Virtual())
			assert.Equal(t, tt.class == Basic, m.CanReceiveVerificationSMS())
			assert.Equal(t, tt.class == Basic || tt.class == Virtual, m.IsContact())
			again, err := ParseMobile(m.Number())
			require.NoError(t, err)
			assert.Equal(t, m, again)
			assert.Equal(t, "+86"+tt.number, m.E164())
		})
	}
	m := MustParseMobile("13800138000")
	assert.Equal(t, "138****8000", m.String())
	assert.Equal(t, "138****8000", fmt.Sprint(m))
	assert.Equal(t, "中国移动", m.Carrier().NameZh())
	assert.Equal(t, "北京船舶通信导航有限公司", MaritimeSatellite.NameZh())
	assert.Equal(t, "emergency_center", EmergencyCenter.String())
}

func TestSegmentTable(t *testing.T) {
	tb := DefaultSegments()
	assert.NotEmpty(t, tb.Version())
	for _, s := range tb.Segments() {
		assert.NotEmpty(t, s.Source, s.Prefix)
		assert.Equal(t, "UNCERTAIN", s.Status, "every segment row is third-party evidence")
	}
	custom, err := LoadSegments(strings.NewReader("154\t11\tbasic\tmobile\tUNCERTAIN\tlocal test\t2026-11-26\n"))
	require.NoError(t, err)
	m, err := custom.ParseMobile("15412345678")
	require.NoError(t, err, "a newer table can allocate a segment")
	assert.Equal(t, Basic, m.Class())
	_, err = custom.ParseMobile("13800138000")
	assert.ErrorIs(t, err, ErrComponent)

	for name, data := range map[string]string{
		"bad prefix":        "23\t11\tbasic\tmobile\tUNCERTAIN\tx\t-\n",
		"bad digits":        "154\t12\tbasic\tmobile\tUNCERTAIN\tx\t-\n",
		"bad class":         "154\t11\tpremium\tmobile\tUNCERTAIN\tx\t-\n",
		"bad carrier":       "154\t11\tbasic\tacme\tUNCERTAIN\tx\t-\n",
		"bad status":        "154\t11\tbasic\tmobile\tSURE\tx\t-\n",
		"missing source":    "154\t11\tbasic\tmobile\tUNCERTAIN\t-\t-\n",
		"duplicate":         "154\t11\tbasic\tmobile\tUNCERTAIN\tx\t-\n154\t11\tbasic\tmobile\tUNCERTAIN\tx\t-\n",
		"too few columns":   "154\t11\n",
		"unknown directive": "#@ colour blue\n",
		"over 1 MiB":        strings.Repeat("# padding\n", 110_000),
		"line over 64 KiB":  "# " + strings.Repeat("x", 70_000) + "\n",
	} {
		_, err := LoadSegments(strings.NewReader(data))
		assert.ErrorIs(t, err, ErrSegmentData, name)
	}
}

func TestParseLandline(t *testing.T) {
	tests := []struct {
		name, in, want string
		err            error
	}{
		{"Beijing with dash", "010-62345678", "010-62345678", nil},
		{"Hangzhou with parentheses and spaces", "(0571) 8888 8888", "0571-88888888", nil},
		{"+86 without the trunk 0", "+86 10 6234 5678", "010-62345678", nil},
		{"extension after a dash", "021-62345678-123", "021-62345678-123", nil},
		{"extension with 转", "02162345678转123", "021-62345678-123", nil},
		{"7-digit local number", "0898-6123456", "0898-6123456", nil},
		{"full width", fullWidth("010-62345678"), "010-62345678", nil},
		{"mobile is no landline", "13800138000", "", ErrLength},
		{"local number starting with 0", "010-02345678", "", ErrComponent},
		{"too short", "010-62345", "", ErrLength},
		{"letters", "010-ABCDEFGH", "", ErrFormat},
		{"extension too long", "010-62345678-1234567", "", ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseLandline(tt.in)
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, l.Number())
			again, err := ParseLandline(l.Number())
			require.NoError(t, err)
			assert.Equal(t, l, again)
		})
	}
	l, _ := ParseLandline("0571-88887777")
	assert.Equal(t, "0571-****7777", l.String())
	assert.Equal(t, "0571", l.AreaCode())
}

func TestParseDocument(t *testing.T) {
	tests := []struct {
		name string
		typ  DocType
		in   string
		want string
		err  error
	}{
		{"resident ID", ResidentIDCard, "11010519491231002X", "11010519491231002X", nil},
		{"HMT residence permit", ResidencePermitHMT, synthID("82000019900101001"), synthID("82000019900101001"), nil},
		{"mainland ID is not a residence permit", ResidencePermitHMT, "11010519491231002X", "", ErrComponent},
		{"foreign permanent resident 2023", ForeignPermanentResidentID, synthID("93384019900101001"), synthID("93384019900101001"), nil},
		{"foreign permanent resident 2017", ForeignPermanentResidentID, "usa330101123456", "USA330101123456", nil},
		{"foreign permanent resident wrong shape", ForeignPermanentResidentID, "US3301011234567", "", ErrFormat},
		{"HK permit card", HKMacauPermit, "H12345678", "H12345678", nil},
		{"Macau permit older booklet", HKMacauPermit, "m1234567801", "M1234567801", nil},
		{"HK permit with a wrong letter", HKMacauPermit, "K12345678", "", ErrFormat},
		{"Taiwan permit card", TaiwanPermit, "12345678", "12345678", nil},
		{"Taiwan permit older form with letter", TaiwanPermit, "1234567890(B)", "1234567890B", nil},
		{"Taiwan permit 9 digits", TaiwanPermit, "123456789", "", ErrFormat},
		{"passport", Passport, "E12345678", "E12345678", nil},
		{"passport too short", Passport, "E12", "", ErrFormat},
		{"passport with punctuation", Passport, "E1234/5678", "", ErrFormat},
		{"business licence", BusinessLicense, "91350100M000100Y43", "91350100M000100Y43", nil},
		{"business licence bad checksum", BusinessLicense, "91110000600037341N", "", ErrChecksum},
		{"military code", MilitaryCode, "BD12345", "BD12345", nil},
		{"invalid type", DocType(0), "x", "", ErrComponent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDocument(tt.typ, tt.in)
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.Number())
			assert.Equal(t, tt.typ, d.Type())
			if tt.typ.IsPersonal() {
				assert.NotEqual(t, d.Number(), d.String(), "personal documents print masked")
			}
		})
	}
}

func TestKinds(t *testing.T) {
	for _, k := range Kinds() {
		assert.NotEmpty(t, k.NameZh())
		assert.NotEmpty(t, k.NameEn())
		assert.NotEmpty(t, k.Certificates(), "%s has certificates", k)
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back Kind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
		assert.Equal(t, k != Individual, k.IsUnit())
	}
	assert.Equal(t, 4, Enterprise.MIITTypeID())
	assert.Equal(t, 5, Individual.MIITTypeID())
	assert.Equal(t, 0, Foundation.MIITTypeID())
	assert.True(t, Government.Accepts(OrganizationCodeCertificate))
	assert.False(t, Enterprise.Accepts(OrganizationCodeCertificate))
	assert.True(t, Individual.Accepts(Passport))
	_, err := ParseKind("company")
	assert.ErrorIs(t, err, ErrComponent)
	k, err := ParseKind("事业单位")
	require.NoError(t, err)
	assert.Equal(t, Institution, k)
	for _, d := range DocTypes() {
		b, err := d.MarshalText()
		require.NoError(t, err)
		var back DocType
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, d, back)
		assert.NotEmpty(t, d.NameZh())
	}
}

func TestEmail(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"admin@example.com", true},
		{"a.b+tag@mail.example.com.cn", true},
		{"admin@例子.中国", true},
		{"admin＠example.com", true},
		{"ADMIN@EXAMPLE.COM", true},
		{"admin@example", false},
		{"@example.com", false},
		{"admin@", false},
		{"ad..min@example.com", false},
		{".admin@example.com", false},
		{"ad min@example.com", false},
		{"admin@-example.com", false},
		{"admin@example.c0m", false},
		{"张三@example.com", false},
		{strings.Repeat("a", 65) + "@example.com", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			err := CheckEmail(tt.in)
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, ErrFormat)
			}
		})
	}
	assert.True(t, EmailInDomains("admin@example.com", "example.com"))
	assert.True(t, EmailInDomains("admin@mail.example.com", "example.com"))
	assert.True(t, EmailInDomains("admin@例子.中国", "xn--fsqu00a.xn--fiqs8s"))
	assert.True(t, EmailInDomains("Admin@EXAMPLE.com", "Example.COM."))
	assert.False(t, EmailInDomains("admin@qq.com", "example.com"))
	assert.False(t, EmailInDomains("admin@badexample.com", "example.com"))
	assert.False(t, EmailInDomains("not an email", "example.com"))
}

func TestPersonName(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"张三", true},
		{"欧阳娜娜", true},
		{"买买提·艾力", true},
		{"阿依古丽•买买提", true},
		{"John Smith", true},
		{"Jean-Luc O'Neil", true},
		{"José Álvarez", true},
		{"张", false},
		{"张三 Smith", false},
		{"·张三", false},
		{"张三·", false},
		{"张··三", false},
		{"张三3", false},
		{"J", false},
		{"", false},
		{"😀😀", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			err := CheckPersonName(tt.in)
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.Error(t, err)
			}
		})
	}
}

func TestCompareNames(t *testing.T) {
	tests := []struct {
		name, licence, entered string
		want                   NameMatch
		at                     int
	}{
		{"identical", "杭州示例网络科技有限公司", "杭州示例网络科技有限公司", NamesIdentical, -1},
		{"half-width brackets for full-width", "示例（杭州）科技有限公司", "示例(杭州)科技有限公司", NamesEqualFolded, -1},
		{"spaces", "示例科技有限公司", "示例 科技有限公司", NamesEqualFolded, -1},
		{"middle dot variants", "买买提·艾力商店", "买买提•艾力商店", NamesEqualFolded, -1},
		{"different word", "杭州示例网络科技有限公司", "杭州示例信息科技有限公司", NamesDifferent, 4},
		{"shorter", "杭州示例网络科技有限公司", "杭州示例网络科技", NamesDifferent, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, at := CompareNames(tt.licence, tt.entered)
			assert.Equal(t, tt.want, m)
			assert.Equal(t, tt.at, at)
		})
	}
	assert.Equal(t, "equal_folded", NamesEqualFolded.String())
}

func TestCheckAddress(t *testing.T) {
	zj := AddressOptions{Province: province.Zhejiang, NoShixiaqu: true}
	bj := AddressOptions{Province: province.Beijing, NoShixiaqu: true}
	tj := AddressOptions{Province: province.Tianjin, NoShixiaqu: true}
	sh := AddressOptions{Province: province.Shanghai, NoShixiaqu: true, RequireRoom: true}
	js := AddressOptions{Province: province.Jiangsu, NoShixiaqu: true}
	tests := []struct {
		name string
		addr string
		opts AddressOptions
		want []string
	}{
		{"street number and room", "浙江省杭州市西湖区文三路100号5幢301室", zj, nil},
		{"street number only", "浙江省杭州市西湖区文三路100号", zj, nil},
		{"building and unit", "杭州市余杭区五常街道文一西路969号3号楼2单元", zj, nil},
		{"building with 幢", "杭州市滨江区江南大道588号恒鑫大厦1幢", zj, nil},
		{"Chinese numeral", "杭州市上城区解放路一百号", zj, nil},
		{"letter building", "杭州市西湖区教工路B座1203室", zj, nil},
		{"lane number", "上海市徐汇区漕溪北路398弄5号1202室", sh, nil},
		{"rural village", "浙江省丽水市松阳县大东坝镇横坑村", zj, nil},
		{"rural group", "江苏省宿迁市泗阳县众兴镇新华村三组", js, nil},
		{"no house number", "浙江省杭州市西湖区文三路", zj, []string{AddressNoHouseNumber}},
		{"district only", "杭州市西湖区", zj, []string{AddressNoHouseNumber}},
		{"号 not after a number", "杭州市西湖区信号塔路", zj, []string{AddressNoHouseNumber}},
		{"escape remark", "浙江省杭州市西湖区文三路", AddressOptions{Province: province.Zhejiang, Remark: "地址" + MostDetailedRemark}, nil},
		{"市辖区", "北京市市辖区朝阳区建国路88号", bj, []string{AddressShixiaqu}},
		{"市辖区 allowed when the rule is off", "北京市市辖区朝阳区建国路88号", AddressOptions{Province: province.Beijing}, nil},
		{"another province", "江苏省南京市玄武区中山路1号", zj, []string{AddressProvince}},
		{"another province short name", "上海徐汇区漕溪北路398号", zj, []string{AddressProvince}},
		{"own province short name", "浙江杭州市西湖区文三路100号", zj, nil},
		{"no province prefix", "杭州市西湖区文三路100号", zj, nil},
		{"obsolete 宣武区", "北京市宣武区广安门内大街5号", bj, []string{AddressObsoleteDistrict}},
		{"obsolete 崇文区", "北京市崇文区崇文门外大街3号", bj, []string{AddressObsoleteDistrict}},
		{"obsolete 密云县", "北京市密云县鼓楼大街1号", bj, []string{AddressObsoleteDistrict}},
		{"Tianjin free-trade zone name", "天津市自贸区中心大道52号", tj, []string{AddressObsoleteDistrict}},
		{"Tianjin airport zone name", "天津市空港经济区西七道32号", tj, []string{AddressObsoleteDistrict}},
		{"Tianjin current name", "天津市滨海新区中心大道52号", tj, nil},
		{"Shanghai individual needs a room", "上海市徐汇区漕溪北路398号", sh, []string{AddressNoRoomNumber}},
		{"Shanghai room as digits", "上海市徐汇区漕溪北路398号1202", sh, nil},
		{"Shanghai room with 室", "上海市浦东新区世纪大道100号2201室", sh, nil},
		{"several problems at once", "江苏省市辖区宣武区某路", zj, []string{AddressProvince, AddressShixiaqu, AddressObsoleteDistrict, AddressNoHouseNumber}},
		{"empty", "  ", zj, []string{AddressEmpty}},
		{"full-width digits", "杭州市西湖区文三路１００号", zj, nil},
		{"spaces inside", "杭州市 西湖区 文三路 100 号", zj, nil},
		{"too long", strings.Repeat("路", 201), zj, []string{AddressTooLong}},
		{"Guangzhou tower", "广东省广州市天河区珠江新城华夏路10号富力中心", AddressOptions{Province: province.Guangdong}, nil},
		{"Chengdu with 栋", "四川省成都市高新区天府大道中段1388号1栋", AddressOptions{Province: province.Sichuan}, nil},
		{"Chongqing community", "重庆市渝中区解放碑社区", AddressOptions{Province: province.Chongqing}, nil},
		{"Shenzhen building floor", "深圳市南山区科技园科发路8号5楼", AddressOptions{Province: province.Guangdong}, nil},
		{"Inner Mongolia full name", "内蒙古自治区呼和浩特市新城区新华大街1号", AddressOptions{Province: province.InnerMongolia}, nil},
		{"Inner Mongolia short name elsewhere", "内蒙古呼和浩特市新城区新华大街1号", zj, []string{AddressProvince}},
		{"Heilongjiang not mistaken", "黑龙江省哈尔滨市南岗区红军街15号", AddressOptions{Province: province.Heilongjiang}, nil},
		{"Xinjiang street with unit", "新疆乌鲁木齐市天山区解放南路5号2单元", AddressOptions{Province: province.Xinjiang}, nil},
		{"Hainan village", "海南省琼海市博鳌镇南强村", AddressOptions{Province: province.Hainan}, nil},
		{"Yunnan lacks number", "云南省昆明市五华区人民中路", AddressOptions{Province: province.Yunnan}, []string{AddressNoHouseNumber}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var codes []string
			for _, p := range CheckAddress(tt.addr, tt.opts) {
				codes = append(codes, p.Code)
				assert.NotEmpty(t, p.Source)
			}
			assert.Equal(t, tt.want, codes)
		})
	}
	got := CheckAddress("北京市宣武区广安门内大街5号", bj)
	require.Len(t, got, 1)
	assert.Equal(t, "宣武区→西城区", got[0].Detail)
}

// junk is the shared corpus every parser must survive with a typed error.
var junk = []string{"", "€", "😀", "3²", "ⅷ", "⑱", "\x00", "\xff\xfe\xfd",
	strings.Repeat("1", 10000), "１２３", "ＡＢＣ", "Ｈ１２３", strings.Repeat("😀", 20),
	"-", "+86", "0086", "()", "@", "11010519491231002X\x00"}

func TestJunkSweep(t *testing.T) {
	parsers := map[string]func(string) error{
		"ParseResidentID": func(s string) error { _, err := ParseResidentID(s); return err },
		"ParseIDNumber":   func(s string) error { _, err := ParseIDNumber(s); return err },
		"ParseCreditCode": func(s string) error { _, err := ParseCreditCode(s); return err },
		"ParseMobile":     func(s string) error { _, err := ParseMobile(s); return err },
		"ParseLandline":   func(s string) error { _, err := ParseLandline(s); return err },
		"ParseDocument":   func(s string) error { _, err := ParseDocument(Passport, s); return err },
		"ParseDocumentHK": func(s string) error { _, err := ParseDocument(HKMacauPermit, s); return err },
		"CheckEmail":      CheckEmail,
		"CheckPersonName": CheckPersonName,
		"ParseKind":       func(s string) error { _, err := ParseKind(s); return err },
		"ParseDocType":    func(s string) error { _, err := ParseDocType(s); return err },
		"ParseDate":       func(s string) error { _, err := ParseDate(s); return err },
	}
	for name, parse := range parsers {
		for _, in := range junk {
			err := parse(in)
			require.Error(t, err, "%s(%q)", name, norm.Clip(in, 40))
			var pe *ParseError
			require.True(t, errors.As(err, &pe), "%s(%q) returns a *ParseError", name, norm.Clip(in, 40))
			assert.True(t, errors.Is(err, ErrFormat) || errors.Is(err, ErrComponent) || errors.Is(err, ErrChecksum),
				"%s(%q) wraps a sentinel", name, norm.Clip(in, 40))
			assert.LessOrEqual(t, len(err.Error()), 400, "errors are bounded")
		}
	}
	for _, in := range junk {
		_ = CheckAddress(in, AddressOptions{Province: province.Beijing, NoShixiaqu: true, RequireRoom: true})
		_, _ = CompareNames(in, in+"x")
		_ = Mask(in)
	}
}

func TestPrivacy(t *testing.T) {
	idNum := synthID("33010619900307123")
	mob := "13912345678"
	p := Person{Name: "张三", Document: Document{Type: ResidentIDCard, Number: Secret(idNum)}, Mobile: Secret(mob),
		EmergencyPhone: "13800138000", Email: "zhangsan@example.com", LegalRepresentative: true}
	s := Subject{Kind: Individual, Name: "张三", Owner: p, Certificate: p.Document}
	id := MustParseResidentID(idNum)
	m := MustParseMobile(mob)
	js, err := json.Marshal(s.Masked())
	require.NoError(t, err)
	renders := []string{fmt.Sprint(p), fmt.Sprintf("%v", s), fmt.Sprintf("%+v", s), fmt.Sprintf("%#v", s),
		fmt.Sprintf("%s %q %x", p.Mobile, p.Mobile, p.Mobile), string(js), p.String(), s.String(),
		fmt.Sprintf("%v %+v %#v", id, id, id), fmt.Sprintf("%v %+v %#v", m, m, m)}
	_, err = ParseResidentID(idNum[:17] + "0")
	renders = append(renders, err.Error())
	_, err = ParseMobile(mob + "9")
	renders = append(renders, err.Error())
	for _, r := range renders {
		assert.NotContains(t, r, idNum)
		assert.NotContains(t, r, mob)
		assert.NotContains(t, r, "zhangsan@")
	}
	assert.Equal(t, idNum, p.Document.Number.Reveal())
	full, err := json.Marshal(s)
	require.NoError(t, err)
	for _, v := range []string{idNum, mob, "zhangsan@example.com", "张三"} {
		assert.Contains(t, string(full), v, "JSON is for storage: nothing is masked")
	}
	var back Person
	require.NoError(t, json.Unmarshal([]byte(`{"name":"李四","mobile":"`+mob+`"}`), &back))
	assert.Equal(t, mob, back.Mobile.Reveal(), "decoding keeps the full value")
}

func TestMask(t *testing.T) {
	assert.Equal(t, "138****8000", Mask("13800138000"))
	assert.Equal(t, "1101**********002X", Mask("11010519491231002X"))
	assert.Equal(t, "z***@example.com", Mask("zhangsan@example.com"))
	assert.Equal(t, "张*", Mask("张三"))
	assert.Equal(t, "", Mask(""))
	assert.LessOrEqual(t, len([]rune(Mask(strings.Repeat("9", 1000)))), 41)
}

func TestPersonAndDate(t *testing.T) {
	a := Person{Document: Document{Type: ResidentIDCard, Number: "44011320141005001x"}}
	b := Person{Document: Document{Type: ResidentIDCard, Number: "44011320141005001X"}}
	assert.True(t, a.SamePerson(b), "documents compare in canonical form")
	assert.False(t, a.SamePerson(Person{}))
	d, err := ParseDate("2028-01-01")
	require.NoError(t, err)
	assert.Equal(t, "2028-01-01", d.String())
	assert.Equal(t, 366, Date{2027, 1, 1}.DaysUntil(Date{2028, 1, 2}))
	_, err = ParseDate("2028-02-30")
	assert.ErrorIs(t, err, ErrFormat)
	var doc Document
	require.NoError(t, json.Unmarshal([]byte(`{"type":"resident_id","number":"11010519491231002X","valid_until":"2030-01-01"}`), &doc))
	assert.Equal(t, Date{2030, 1, 1}, doc.ValidUntil)
	assert.Error(t, json.Unmarshal([]byte(`{"type":"id_card"}`), &doc))
}

// Sinks keep the compiler from optimising benchmarked calls away.
var (
	sinkID ResidentID
	sinkCC CreditCode
	sinkM  Mobile

	sinkBuf  = make([]byte, 0, 64)
	sinkBool bool
)

func TestNoAllocs(t *testing.T) {
	tests := []struct {
		name string
		f    func()
	}{
		{"ParseResidentID", func() { sinkID, _ = ParseResidentID("11010519491231002X") }},
		{"ParseResidentID full width", func() { sinkID, _ = ParseResidentID("１１０１０５１９４９１２３１００２Ｘ") }},
		{"ParseCreditCode", func() { sinkCC, _ = ParseCreditCode("91350100M000100Y43") }},
		{"ParseMobile", func() { sinkM, _ = ParseMobile("13800138000") }},
		{"ParseMobile +86", func() { sinkM, _ = ParseMobile("+86 138 0013 8000") }},
		{"ResidentID.AppendNumber", func() { _ = sinkID.AppendNumber(make([]byte, 0, 18)) }},
		{"ResidentID.AppendText", func() { _, _ = sinkID.AppendText(sinkBuf[:0]) }},
		{"Mobile.AppendText", func() { _, _ = sinkM.AppendText(sinkBuf[:0]) }},
		{"IsMasked", func() { sinkBool = IsMasked("11010519491231002X") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Zero(t, testing.AllocsPerRun(100, tt.f))
		})
	}
}

func BenchmarkParseResidentID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkID, _ = ParseResidentID("11010519491231002X")
	}
}

func BenchmarkParseCreditCode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkCC, _ = ParseCreditCode("91350100M000100Y43")
	}
}

func BenchmarkParseMobile(b *testing.B) {
	for _, in := range []string{"13800138000", "17001234567", "+86 138 0013 8000"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkM, _ = ParseMobile(in)
			}
		})
	}
}

func TestTextForms(t *testing.T) {
	l := MustParseLandline("0571-88887777")
	b, err := l.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "0571-88887777", string(b), "text is for storage: the full number")
	assert.Equal(t, "0571-****7777", l.String())
	var l2 Landline
	require.NoError(t, l2.UnmarshalText([]byte(l.Number())))
	assert.Equal(t, l, l2)
	require.NoError(t, l2.UnmarshalText(nil))
	assert.False(t, l2.IsValid())

	d := MustParseDocument(Passport, "E12345678")
	b, err = d.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "passport:E12345678", string(b), "text is for storage: the full number")
	assert.Equal(t, "E12**5678", d.String())
	var d2 DocumentID
	require.NoError(t, d2.UnmarshalText([]byte("passport:"+d.Number())))
	assert.Equal(t, d, d2)
	assert.ErrorIs(t, d2.UnmarshalText([]byte("E12345678")), ErrFormat)
	assert.Error(t, d2.UnmarshalText([]byte("selfie:1")))
	cc := MustParseDocument(BusinessLicense, "91350100M000100Y43")
	b, _ = cc.MarshalText()
	assert.Equal(t, "business_license:91350100M000100Y43", string(b), "unit certificates print in full")

	// County codes are not checked: both codes of Tianjin 120110 (东郊区
	// before 1991, 东丽区 after) and retired codes still held are accepted.
	for _, s := range []string{"120110198012010073", "120110199212010072"} {
		_, err := ParseResidentID(s)
		assert.NoError(t, err, s)
	}
}

// TestDateOfChina: DateOf gives China's calendar date whatever the zone.
func TestDateOfChina(t *testing.T) {
	utc := time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC)
	ny := utc.In(time.FixedZone("EST", -5*3600))
	want := Date{Year: 2026, Month: time.December, Day: 1}
	assert.Equal(t, want, DateOf(utc))
	assert.Equal(t, want, DateOf(ny))
}

func TestSecretPhoneKey(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a mobile with prefix and dashes", "+86 138-0013-8000", "13800138000"},
		{"a mobile as typed", "13800138000", "13800138000"},
		{"neither mobile nor landline: trimmed text", "  ext 12 ", "ext 12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Secret(tt.in).PhoneKey())
		})
	}
	assert.Equal(t, Secret("0571-87654321").PhoneKey(), Secret("057187654321").PhoneKey(), "a landline with and without its dash")
}

// TestAgeAtChinaDate: a birthday begins at midnight in China, whatever the
// server's zone.
func TestAgeAtChinaDate(t *testing.T) {
	id := MustParseResidentID("11010519491231002X")       // born 1949-12-31
	utc := time.Date(2009, 12, 30, 20, 0, 0, 0, time.UTC) // 2009-12-31 04:00 in China
	assert.Equal(t, 60, id.AgeAt(utc), "already the birthday in China")
	assert.Equal(t, 59, id.AgeAt(time.Date(2009, 12, 30, 15, 0, 0, 0, time.UTC)), "23:00 the day before in China")
}
