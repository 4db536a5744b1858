package subject

import (
	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/province"
)

// CreditCode is a valid unified social credit code (统一社会信用代码, GB
// 32100-2015): 18 characters from the alphabet 0-9 A-H J-N P-R T U W-Y (no I,
// O, S, V, Z). Position 1 is the registration authority, position 2 the
// organisation type, positions 3–8 the division code, 9–17 the organisation
// code (GB 11714) and 18 the check character (MOD 31). The zero value is
// invalid.
//
// A credit code identifies a unit, not a person: it is printed on the
// licence and in public registers, so it prints in full everywhere (String,
// fmt, slog, errors) and is never masked.
type CreditCode struct {
	s     [18]byte
	pilot bool // legally issued pilot code that fails the checksum
}

const ccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var ccValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := range len(ccAlphabet) {
		t[ccAlphabet[i]] = int8(i)
	}
	return t
}()

var ccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CreditCodeCheck returns the check character for the first 17 characters
// of a credit code, or 0 if they are not all in the alphabet. It is exported
// for building synthetic test data.
func CreditCodeCheck(first17 string) byte {
	if len(first17) != 17 {
		return 0
	}
	sum := 0
	for i := range 17 {
		v := ccValue[first17[i]]
		if v < 0 {
			return 0
		}
		sum += int(v) * ccWeights[i]
	}
	return ccAlphabet[(31-sum%31)%31]
}

// ParseCreditCode parses a unified social credit code. It accepts
// full-width characters, lower case and spaces. The alphabet, the check
// character and the registration-authority and organisation-type codes
// (positions 1–2, see [CreditCode.Kind]) are verified. A code that fails the
// checksum is accepted only if it is on the list of legally issued pilot
// codes ([CreditCode.Pilot] then reports true). It does not allocate.
func ParseCreditCode(s string) (CreditCode, error) {
	var cc CreditCode
	sum, ok := scanCreditCode(&cc, s)
	if !ok {
		// Slow path: fold full-width forms, spaces and case, then rescan.
		if len(s) > 64 {
			return CreditCode{}, ccErr(s, "length", ErrLength)
		}
		if IsMasked(s) {
			// Credit codes are public and never masked here, but stored
			// data from older releases of this package may hold
			// 9133**********3L70.
			return CreditCode{}, &ParseError{Func: "ParseCreditCode", Input: echo(s), Part: maskedPart(s), Err: ErrMasked}
		}
		var buf [72]byte
		b := norm.Append(buf[:0], s, true, true)
		if len(b) != 18 {
			return CreditCode{}, ccErr(s, "length", ErrLength)
		}
		if sum, ok = scanCreditCode(&cc, string(b)); !ok {
			return CreditCode{}, ccErr(s, "character outside the GB 32100 alphabet", ErrFormat)
		}
	}
	if ccAlphabet[(31-sum%31)%31] != cc.s[17] {
		if !isPilot(cc.s) {
			return CreditCode{}, ccErr(s, "check character", ErrChecksum)
		}
		cc.pilot = true
	}
	if _, ok := orgTypeOf(cc.s[0], cc.s[1]); !ok {
		return CreditCode{}, ccErr(s, "registration authority and organisation type (positions 1–2)", ErrComponent)
	}
	for i := 2; i < 8; i++ {
		if cc.s[i] > '9' {
			return CreditCode{}, ccErr(s, "division code (positions 3–8)", ErrComponent)
		}
	}
	return cc, nil
}

// scanCreditCode copies an 18-byte code into cc in upper case and returns
// the weighted sum of its first 17 characters; ok is false if s is not 18
// characters of the alphabet (either case).
func scanCreditCode(cc *CreditCode, s string) (sum int, ok bool) {
	if len(s) != 18 {
		return 0, false
	}
	s = s[:18]
	for i := range 17 {
		v := ccValueFold[s[i]]
		if v < 0 {
			return 0, false
		}
		cc.s[i] = ccAlphabet[v]
		sum += int(v) * ccWeights[i]
	}
	v := ccValueFold[s[17]]
	if v < 0 {
		return 0, false
	}
	cc.s[17] = ccAlphabet[v]
	return sum, true
}

// ccValueFold is ccValue that also accepts lower-case letters.
var ccValueFold = func() (t [256]int8) {
	t = ccValue
	for c := 'a'; c <= 'z'; c++ {
		t[c] = ccValue[c-'a'+'A']
	}
	return t
}()

// ccErr does not mask a credit code, which is public, but input that fails
// to parse may be anything: an identity number typed into the wrong field is
// masked (see echo).
func ccErr(in, part string, err error) error {
	return &ParseError{Func: "ParseCreditCode", Input: echo(in), Part: part, Err: err}
}

// MustParseCreditCode is like [ParseCreditCode] but panics on error. It is
// intended for tests and hard-coded values.
func MustParseCreditCode(s string) CreditCode {
	c, err := ParseCreditCode(s)
	if err != nil {
		panic(err)
	}
	return c
}

// IsValid reports whether c is a parsed code.
func (c CreditCode) IsValid() bool { return c.s[0] != 0 }

// Pilot reports whether c is a legally issued pilot code that does not pass
// the GB 32100 checksum (accepted from a short list, TP-idrule, TP-idcheck).
func (c CreditCode) Pilot() bool { return c.pilot }

// Kind returns the subject kind implied by positions 1–2 (91 enterprise, 92
// individual business, 11 government, 12 institution, 31 law firm, 51/52/53
// social organisation / private non-enterprise / foundation, A1 military),
// and false where the code type has no single subject kind.
func (c CreditCode) Kind() (Kind, bool) {
	ot, ok := orgTypeOf(c.s[0], c.s[1])
	if !ok || ot.kind == 0 {
		return 0, false
	}
	return ot.kind, true
}

// OrgType returns the Chinese name of the organisation type of positions
// 1–2 (企业, 个体工商户, 机关 …).
func (c CreditCode) OrgType() string {
	ot, _ := orgTypeOf(c.s[0], c.s[1])
	return ot.name
}

// Province returns the province of the division code in positions 3–8, and
// false for codes such as 100000 (central level).
func (c CreditCode) Province() (province.Province, bool) {
	if !c.IsValid() {
		return 0, false
	}
	return province.FromCode(int(c.s[2]-'0')*10 + int(c.s[3]-'0'))
}

// OrgCode returns the embedded nine-character organisation code (positions
// 9–17, GB 11714).
func (c CreditCode) OrgCode() string {
	if !c.IsValid() {
		return ""
	}
	return string(c.s[8:17])
}

// OrgCodeValid reports whether the embedded organisation code carries a
// valid GB 11714 check character. Codes issued before the credit-code reform
// do; later ones need not, so this is reported separately and is not a
// parse error.
func (c CreditCode) OrgCodeValid() bool {
	return c.IsValid() && orgCheck(c.s[8:16]) == c.s[16]
}

// OrgCodeCheck returns the GB 11714 check character for the first eight
// characters of an organisation code (组织机构代码), or 0 if they are not
// all digits and upper-case letters. It is exported for building synthetic
// test data.
func OrgCodeCheck(first8 string) byte {
	if len(first8) != 8 {
		return 0
	}
	var b [8]byte
	copy(b[:], first8)
	return orgCheck(b[:])
}

// orgWeights are GB 11714's weights of the eight body characters.
var orgWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// orgCheck is OrgCodeCheck for eight bytes.
func orgCheck(body []byte) byte {
	sum := 0
	for i, ch := range body[:8] {
		var v int
		switch {
		case ch >= '0' && ch <= '9':
			v = int(ch - '0')
		case ch >= 'A' && ch <= 'Z':
			v = int(ch-'A') + 10
		default:
			return 0
		}
		sum += v * orgWeights[i]
	}
	switch want := 11 - sum%11; want {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + want)
	}
}

// String returns the 18-character code.
func (c CreditCode) String() string {
	if !c.IsValid() {
		return ""
	}
	return string(c.s[:])
}

// AppendText implements [encoding.TextAppender].
func (c CreditCode) AppendText(b []byte) ([]byte, error) {
	if !c.IsValid() {
		return b, nil
	}
	return append(b, c.s[:]...), nil
}

// MarshalText implements [encoding.TextMarshaler].
func (c CreditCode) MarshalText() ([]byte, error) { return c.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler]; empty text gives the
// zero value.
func (c *CreditCode) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = CreditCode{}
		return nil
	}
	v, err := ParseCreditCode(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// orgType is one registration-authority/organisation-type pair of GB 32100
// (Annex; values UNCERTAIN in the dossier's sense: restated from the
// standard's published tables, not from provider documentation).
type orgType struct {
	code [2]byte
	name string
	kind Kind
}

var orgTypes = []orgType{
	{[2]byte{'1', '1'}, "机关", Government},
	{[2]byte{'1', '2'}, "事业单位", Institution},
	{[2]byte{'1', '3'}, "中央编办直接管理机构编制的群众团体", SocialOrganization},
	{[2]byte{'1', '9'}, "其他（机构编制）", 0},
	{[2]byte{'2', '1'}, "外国常驻新闻机构", 0},
	{[2]byte{'2', '9'}, "其他（外交）", 0},
	{[2]byte{'3', '1'}, "律师执业机构", LawFirm},
	{[2]byte{'3', '2'}, "公证处", 0},
	{[2]byte{'3', '3'}, "基层法律服务所", 0},
	{[2]byte{'3', '4'}, "司法鉴定机构", 0},
	{[2]byte{'3', '5'}, "仲裁委员会", 0},
	{[2]byte{'3', '9'}, "其他（司法行政）", 0},
	{[2]byte{'4', '1'}, "外国在华文化中心", 0},
	{[2]byte{'4', '9'}, "其他（文化）", 0},
	{[2]byte{'5', '1'}, "社会团体", SocialOrganization},
	{[2]byte{'5', '2'}, "民办非企业单位", PrivateNonEnterprise},
	{[2]byte{'5', '3'}, "基金会", Foundation},
	{[2]byte{'5', '9'}, "其他（民政）", 0},
	{[2]byte{'6', '1'}, "外国旅游部门常驻代表机构", 0},
	{[2]byte{'6', '2'}, "港澳台地区旅游部门常驻内地（大陆）代表机构", 0},
	{[2]byte{'6', '9'}, "其他（旅游）", 0},
	{[2]byte{'7', '1'}, "宗教活动场所", 0},
	{[2]byte{'7', '2'}, "宗教院校", 0},
	{[2]byte{'7', '9'}, "其他（宗教）", 0},
	{[2]byte{'8', '1'}, "基层工会", 0},
	{[2]byte{'8', '9'}, "其他（工会）", 0},
	{[2]byte{'9', '1'}, "企业", Enterprise},
	{[2]byte{'9', '2'}, "个体工商户", IndividualBusiness},
	{[2]byte{'9', '3'}, "农民专业合作社", 0},
	{[2]byte{'A', '1'}, "军队事业单位", Military},
	{[2]byte{'A', '9'}, "其他（军队）", Military},
	{[2]byte{'N', '1'}, "组级集体经济组织", 0},
	{[2]byte{'N', '2'}, "村级集体经济组织", 0},
	{[2]byte{'N', '3'}, "乡镇级集体经济组织", 0},
	{[2]byte{'N', '9'}, "其他（农业）", 0},
	{[2]byte{'Y', '1'}, "其他", 0},
}

// orgTypeIndex maps the alphabet values of positions 1–2 to an index+1 in
// orgTypes.
var orgTypeIndex = func() (t [31][31]int8) {
	for i, o := range orgTypes {
		t[ccValue[o.code[0]]][ccValue[o.code[1]]] = int8(i + 1)
	}
	return t
}()

func orgTypeOf(a, b byte) (orgType, bool) {
	va, vb := ccValue[a], ccValue[b]
	if va < 0 || vb < 0 {
		return orgType{}, false
	}
	i := orgTypeIndex[va][vb]
	if i == 0 {
		return orgType{}, false
	}
	return orgTypes[i-1], true
}

// pilotCodes are legally issued Fujian/Xiamen pilot-era codes that fail the
// GB 32100 checksum. Source: TP-idrule and TP-idcheck (aarioai/id-rule
// and bluesky335/IDCheck); UNCERTAIN. They identify companies, not people.
var pilotCodes = [...]string{
	"91350100M0001TGQXM",
	"91350211M0000XUF46",
	"91350203M0001FUE2P",
	"91350203M0001QAY9B",
}

// PilotCodes returns the legally issued codes that are accepted although
// they fail the checksum, with the source of the list.
func PilotCodes() (codes []string, source string) {
	return append([]string(nil), pilotCodes[:]...), "TP-idrule; TP-idcheck; UNCERTAIN"
}

func isPilot(s [18]byte) bool {
	for _, p := range pilotCodes {
		if string(s[:]) == p {
			return true
		}
	}
	return false
}
