package province

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/icpkit/icpkit/internal/norm"
)

// Province is one of the 31 provincial-level regions of mainland China in
// which ICP filings are made. The zero value is not a valid Province.
//
// A Province is a small comparable value: use == and map keys freely.
type Province uint8

// The 31 provincial-level regions, in GB/T 2260 code order.
const (
	Beijing Province = iota + 1
	Tianjin
	Hebei
	Shanxi
	InnerMongolia
	Liaoning
	Jilin
	Heilongjiang
	Shanghai
	Jiangsu
	Zhejiang
	Anhui
	Fujian
	Jiangxi
	Shandong
	Henan
	Hubei
	Hunan
	Guangdong
	Guangxi
	Hainan
	Chongqing
	Sichuan
	Guizhou
	Yunnan
	Tibet
	Shaanxi
	Gansu
	Qinghai
	Ningxia
	Xinjiang
	count = Xinjiang
)

// region is the identity data of one Province. Source of codes: GB/T 2260
// (TP-divcodes); abbreviations and .cn suffixes: TP-code-22251351987 and
// TC-domain (see [LookupSource]).
type region struct {
	code    int
	name    string // full official name
	short   string // short Chinese name, also String()
	english string // pinyin / English name
	icp     string // ICP abbreviation used in filing numbers
	psb     string // public-security (公网安备) abbreviation
	suffix  string // provincial .cn second-level domain, without dots
	extra   []string
}

var regions = [count + 1]region{
	{},
	{11, "北京市", "北京", "Beijing", "京", "京", "bj", nil},
	{12, "天津市", "天津", "Tianjin", "津", "津", "tj", nil},
	{13, "河北省", "河北", "Hebei", "冀", "冀", "he", nil},
	{14, "山西省", "山西", "Shanxi", "晋", "晋", "sx", nil},
	{15, "内蒙古自治区", "内蒙古", "Inner Mongolia", "蒙", "蒙", "nm", []string{"Nei Mongol", "Neimenggu"}},
	{21, "辽宁省", "辽宁", "Liaoning", "辽", "辽", "ln", nil},
	{22, "吉林省", "吉林", "Jilin", "吉", "吉", "jl", nil},
	{23, "黑龙江省", "黑龙江", "Heilongjiang", "黑", "黑", "hl", nil},
	{31, "上海市", "上海", "Shanghai", "沪", "沪", "sh", nil},
	{32, "江苏省", "江苏", "Jiangsu", "苏", "苏", "js", nil},
	{33, "浙江省", "浙江", "Zhejiang", "浙", "浙", "zj", nil},
	{34, "安徽省", "安徽", "Anhui", "皖", "皖", "ah", nil},
	{35, "福建省", "福建", "Fujian", "闽", "闽", "fj", nil},
	{36, "江西省", "江西", "Jiangxi", "赣", "赣", "jx", nil},
	{37, "山东省", "山东", "Shandong", "鲁", "鲁", "sd", nil},
	{41, "河南省", "河南", "Henan", "豫", "豫", "ha", nil},
	{42, "湖北省", "湖北", "Hubei", "鄂", "鄂", "hb", nil},
	{43, "湖南省", "湖南", "Hunan", "湘", "湘", "hn", nil},
	{44, "广东省", "广东", "Guangdong", "粤", "粤", "gd", nil},
	{45, "广西壮族自治区", "广西", "Guangxi", "桂", "桂", "gx", nil},
	{46, "海南省", "海南", "Hainan", "琼", "琼", "hi", nil},
	{50, "重庆市", "重庆", "Chongqing", "渝", "渝", "cq", nil},
	{51, "四川省", "四川", "Sichuan", "蜀", "川", "sc", nil},
	{52, "贵州省", "贵州", "Guizhou", "黔", "贵", "gz", nil},
	{53, "云南省", "云南", "Yunnan", "滇", "滇", "yn", nil},
	{54, "西藏自治区", "西藏", "Tibet", "藏", "藏", "xz", []string{"Xizang"}},
	{61, "陕西省", "陕西", "Shaanxi", "陕", "陕", "sn", nil},
	{62, "甘肃省", "甘肃", "Gansu", "陇", "甘", "gs", nil},
	{63, "青海省", "青海", "Qinghai", "青", "青", "qh", nil},
	{64, "宁夏回族自治区", "宁夏", "Ningxia", "宁", "宁", "nx", nil},
	{65, "新疆维吾尔自治区", "新疆", "Xinjiang", "新", "新", "xj", nil},
}

// An Alias is an abbreviation other than [Province.ICPAbbr] that appears in
// issued ICP filing numbers. Numbers are identifiers, so a number issued with
// an alias keeps it; the alias set is data with its source.
type Alias struct {
	Abbr     string   // the alias, e.g. "川"
	Province Province // the region it stands for
	Source   string   // source keys, resolved by [LookupSource]
	Status   Status   // Confirmed or Uncertain
}

// aliases lists the ICP-number aliases seen in public footers (both 川ICP备…
// and 蜀ICP备… occur, likewise 贵/黔, and other parsers accept 甘/云/秦).
// None is confirmed by MIIT.
var aliases = [...]Alias{
	{"川", Sichuan, "TP-code-21469907520 (real footer 川ICP备10200063号-1)", Uncertain},
	{"贵", Guizhou, "TP-code-21469907520 (real footer 贵ICP备2021004806号-1)", Uncertain},
	{"云", Yunnan, "TP-code-21469907520, TP-code-7995328525", Uncertain},
	{"甘", Gansu, "TP-code-21469907520, TP-code-7995328525", Uncertain},
	{"秦", Shaanxi, "TP-code-7995328525 (not observed in real numbers)", Uncertain},
}

// Aliases returns the ICP-number aliases of all regions, each with its
// source. The returned slice is a copy.
func Aliases() []Alias {
	out := make([]Alias, len(aliases))
	copy(out, aliases[:])
	return out
}

// ICPAliases returns the abbreviations other than [Province.ICPAbbr] seen in
// issued ICP numbers of p (川 for Sichuan, 贵 for Guizhou …). The result is a
// new slice.
func (p Province) ICPAliases() []string {
	var out []string
	for _, a := range aliases {
		if a.Province == p {
			out = append(out, a.Abbr)
		}
	}
	return out
}

// FromICPAbbr returns the region of an ICP-number abbreviation, canonical or
// alias, and whether the abbreviation is the canonical one. It does not
// allocate.
func FromICPAbbr(abbr string) (p Province, canonical bool, ok bool) {
	r, n := utf8.DecodeRuneInString(abbr)
	if n != len(abbr) || n < 2 {
		return 0, false, false
	}
	e, found := lookupAbbr(r)
	if !found || e.icp == 0 {
		return 0, false, false
	}
	return e.p, e.icp == 1, true
}

// abbrEntry is one abbreviation rune: icp is 1 for a canonical ICP
// abbreviation, 2 for an alias, 0 when the rune is only a PSB abbreviation.
type abbrEntry struct {
	r   rune
	p   Province
	icp uint8
	psb bool
}

// abbrs is sorted by rune for binary search.
var abbrs = func() []abbrEntry {
	m := map[rune]*abbrEntry{}
	get := func(s string, p Province) *abbrEntry {
		r, _ := utf8.DecodeRuneInString(s)
		if m[r] == nil {
			m[r] = &abbrEntry{r: r, p: p}
		}
		return m[r]
	}
	for i := Beijing; i <= count; i++ {
		get(regions[i].icp, i).icp = 1
	}
	for _, a := range aliases {
		if e := get(a.Abbr, a.Province); e.icp == 0 {
			e.icp = 2
		}
	}
	for i := Beijing; i <= count; i++ {
		get(regions[i].psb, i).psb = true
	}
	out := make([]abbrEntry, 0, len(m))
	for _, e := range m {
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b abbrEntry) int { return int(a.r - b.r) })
	return out
}()

func lookupAbbr(r rune) (abbrEntry, bool) {
	lo, hi := 0, len(abbrs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if abbrs[m].r < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(abbrs) && abbrs[lo].r == r {
		return abbrs[lo], true
	}
	return abbrEntry{}, false
}

// FromPSBAbbr returns the region whose public-security abbreviation is abbr.
func FromPSBAbbr(abbr string) (Province, bool) {
	r, n := utf8.DecodeRuneInString(abbr)
	if n != len(abbr) || n < 2 {
		return 0, false
	}
	e, ok := lookupAbbr(r)
	if !ok || !e.psb {
		return 0, false
	}
	return e.p, true
}

// FromCode returns the region with the two-digit GB/T 2260 code.
func FromCode(code int) (Province, bool) {
	if code < 0 || code >= len(byCode) {
		return 0, false
	}
	p := byCode[code]
	return p, p != 0
}

var byCode = func() (t [66]Province) {
	for i := Beijing; i <= count; i++ {
		t[regions[i].code] = i
	}
	return t
}()

// All returns the 31 regions in code order. The result is a new slice.
func All() []Province {
	out := make([]Province, count)
	for i := range out {
		out[i] = Province(i + 1)
	}
	return out
}

// IsValid reports whether p is one of the 31 regions.
func (p Province) IsValid() bool { return p >= Beijing && p <= count }

func (p Province) r() *region {
	if !p.IsValid() {
		return &regions[0]
	}
	return &regions[p]
}

// Code returns the two-digit GB/T 2260 code (11 for Beijing), or 0 for an
// invalid Province.
func (p Province) Code() int { return p.r().code }

// Name returns the full official name (北京市, 内蒙古自治区).
func (p Province) Name() string { return p.r().name }

// ShortName returns the short Chinese name (北京, 内蒙古).
func (p Province) ShortName() string { return p.r().short }

// EnglishName returns the pinyin or English name (Beijing, Inner Mongolia).
func (p Province) EnglishName() string { return p.r().english }

// ICPAbbr returns the abbreviation used in ICP filing numbers (京, 蜀 for
// Sichuan, 黔 for Guizhou, 陇 for Gansu, 滇 for Yunnan).
func (p Province) ICPAbbr() string { return p.r().icp }

// PSBAbbr returns the abbreviation used in public-security (公网安备) numbers,
// which differs from [Province.ICPAbbr] for Sichuan (川), Guizhou (贵) and
// Gansu (甘).
func (p Province) PSBAbbr() string { return p.r().psb }

// CNSuffix returns the provincial .cn second-level domain ("bj.cn").
func (p Province) CNSuffix() string {
	if !p.IsValid() {
		return ""
	}
	return p.r().suffix + ".cn"
}

// String returns the short Chinese name, which [Parse] accepts, or
// "Province(N)" for an invalid value.
func (p Province) String() string {
	if !p.IsValid() {
		if p == 0 {
			return "Province(0)"
		}
		return fmt.Sprintf("Province(%d)", uint8(p))
	}
	return p.r().short
}

// AppendText implements [encoding.TextAppender]. The zero Province appends
// nothing.
func (p Province) AppendText(b []byte) ([]byte, error) {
	if p == 0 {
		return b, nil
	}
	if !p.IsValid() {
		return b, &ParseError{Input: p.String(), Err: ErrUnknown}
	}
	return append(b, p.r().short...), nil
}

// MarshalText implements [encoding.TextMarshaler].
func (p Province) MarshalText() ([]byte, error) { return p.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [Parse]; empty
// text gives the zero Province.
func (p *Province) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = 0
		return nil
	}
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Value implements [driver.Valuer]: the short name, or nil for the zero value.
func (p Province) Value() (driver.Value, error) {
	if p == 0 {
		return nil, nil
	}
	b, err := p.AppendText(nil)
	return string(b), err
}

// Scan implements [database/sql.Scanner] for strings, byte slices, integer
// codes and NULL.
func (p *Province) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*p = 0
		return nil
	case string:
		return p.UnmarshalText([]byte(v))
	case []byte:
		return p.UnmarshalText(v)
	case int64:
		q, ok := FromCode(int(v))
		if !ok {
			return &ParseError{Input: fmt.Sprint(v), Err: ErrUnknown}
		}
		*p = q
		return nil
	}
	return fmt.Errorf("province: cannot scan %T into Province", src)
}

// Errors returned by [Parse], matched with [errors.Is].
var (
	// ErrUnknown means the input names no provincial-level region.
	ErrUnknown = errors.New("unknown province")
	// ErrNotFilingRegion means the input names Hong Kong, Macau or Taiwan,
	// where ICP filing does not apply.
	ErrNotFilingRegion = errors.New("not an ICP filing region (Hong Kong, Macau and Taiwan have no ICP filing)")
)

// A ParseError reports input that [Parse] cannot read.
type ParseError struct {
	Input string // the input as given (province names are not personal data)
	Err   error  // ErrUnknown or ErrNotFilingRegion
}

// Error implements the error interface, naming the input.
func (e *ParseError) Error() string {
	return fmt.Sprintf("province.Parse(%q): %v", e.Input, e.Err)
}

// Unwrap returns the sentinel error.
func (e *ParseError) Unwrap() error { return e.Err }

const maxParseLen = 64

// Parse returns the region named by s. It accepts, after trimming and
// folding full-width forms: the ICP abbreviation and its aliases (京, 蜀, 川),
// the public-security abbreviation, the full name (北京市), the short name
// (北京), the pinyin or English name in any case and spacing (Beijing,
// "inner mongolia", Xizang), the two-digit code (11) and any six-digit
// division code (110105). Hong Kong, Macau and Taiwan give
// [ErrNotFilingRegion]. Parse does not allocate on success.
func Parse(s string) (Province, error) {
	// Fast path: a single-rune abbreviation.
	if len(s) == 3 {
		if r, n := utf8.DecodeRuneInString(s); n == 3 {
			if e, ok := lookupAbbr(r); ok {
				return e.p, nil
			}
		}
	}
	if len(s) > maxParseLen*4 {
		return 0, &ParseError{Input: norm.Clip(s, 64), Err: ErrUnknown}
	}
	var buf [maxParseLen * 4]byte
	b := buf[:0]
	b = norm.Append(b, s, true, false)
	for i, c := range b {
		b[i] = norm.Lower(c)
	}
	if len(b) == 2 && norm.Digits(string(b)) || len(b) == 6 && norm.Digits(string(b)) {
		code := int(b[0]-'0')*10 + int(b[1]-'0')
		if p, ok := FromCode(code); ok {
			return p, nil
		}
		if code == 71 || code == 81 || code == 82 {
			return 0, &ParseError{Input: norm.Clip(s, 64), Err: ErrNotFilingRegion}
		}
		return 0, &ParseError{Input: norm.Clip(s, 64), Err: ErrUnknown}
	}
	if p, ok := names[string(b)]; ok {
		return p, nil
	}
	if _, ok := excluded[string(b)]; ok {
		return 0, &ParseError{Input: norm.Clip(s, 64), Err: ErrNotFilingRegion}
	}
	return 0, &ParseError{Input: norm.Clip(s, 64), Err: ErrUnknown}
}

// MustParse is like [Parse] but panics on error. It is intended for tests
// and hard-coded values.
func MustParse(s string) Province {
	p, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return p
}

func key(s string) string {
	b := norm.Append(nil, s, true, false)
	for i, c := range b {
		b[i] = norm.Lower(c)
	}
	return string(b)
}

var names = func() map[string]Province {
	m := make(map[string]Province, count*8)
	for i := Beijing; i <= count; i++ {
		r := &regions[i]
		for _, n := range append([]string{r.name, r.short, r.english, r.icp, r.psb}, r.extra...) {
			m[key(n)] = i
		}
	}
	for _, a := range aliases {
		m[key(a.Abbr)] = a.Province
	}
	return m
}()

var excluded = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range []string{"港", "澳", "台", "香港", "澳门", "台湾", "香港特别行政区",
		"澳门特别行政区", "台湾省", "Hong Kong", "HK", "Macau", "Macao", "Taiwan", "TW", "MO"} {
		m[key(n)] = true
	}
	return m
}()
