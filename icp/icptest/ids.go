package icptest

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"

	"github.com/icpkit/icpkit/icp/workday"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// area is one county-level division of a province's capital: its GB/T 2260
// code, its city and district names and the city's landline area code.
type area struct {
	code     int
	city     string // empty for the municipalities
	district string
	phone    string // landline area code, with its leading 0
}

// areas holds two or three real districts per province (GB/T 2260 codes of
// the capital's urban districts), so that IDs, credit codes, addresses and
// landlines look like those of the province. Only the division codes and
// place names are real; every number built on them is synthetic.
var areas = [...][]area{
	province.Beijing:       {{110101, "", "东城区", "010"}, {110105, "", "朝阳区", "010"}, {110108, "", "海淀区", "010"}},
	province.Tianjin:       {{120101, "", "和平区", "022"}, {120104, "", "南开区", "022"}},
	province.Hebei:         {{130102, "石家庄市", "长安区", "0311"}, {130104, "石家庄市", "桥西区", "0311"}},
	province.Shanxi:        {{140105, "太原市", "小店区", "0351"}, {140106, "太原市", "迎泽区", "0351"}},
	province.InnerMongolia: {{150102, "呼和浩特市", "新城区", "0471"}, {150105, "呼和浩特市", "赛罕区", "0471"}},
	province.Liaoning:      {{210102, "沈阳市", "和平区", "024"}, {210103, "沈阳市", "沈河区", "024"}},
	province.Jilin:         {{220102, "长春市", "南关区", "0431"}, {220104, "长春市", "朝阳区", "0431"}},
	province.Heilongjiang:  {{230102, "哈尔滨市", "道里区", "0451"}, {230103, "哈尔滨市", "南岗区", "0451"}},
	province.Shanghai:      {{310104, "", "徐汇区", "021"}, {310115, "", "浦东新区", "021"}},
	province.Jiangsu:       {{320102, "南京市", "玄武区", "025"}, {320106, "南京市", "鼓楼区", "025"}},
	province.Zhejiang:      {{330102, "杭州市", "上城区", "0571"}, {330106, "杭州市", "西湖区", "0571"}},
	province.Anhui:         {{340103, "合肥市", "庐阳区", "0551"}, {340104, "合肥市", "蜀山区", "0551"}},
	province.Fujian:        {{350102, "福州市", "鼓楼区", "0591"}, {350103, "福州市", "台江区", "0591"}},
	province.Jiangxi:       {{360102, "南昌市", "东湖区", "0791"}, {360103, "南昌市", "西湖区", "0791"}},
	province.Shandong:      {{370102, "济南市", "历下区", "0531"}, {370103, "济南市", "市中区", "0531"}},
	province.Henan:         {{410102, "郑州市", "中原区", "0371"}, {410105, "郑州市", "金水区", "0371"}},
	province.Hubei:         {{420102, "武汉市", "江岸区", "027"}, {420106, "武汉市", "武昌区", "027"}},
	province.Hunan:         {{430102, "长沙市", "芙蓉区", "0731"}, {430104, "长沙市", "岳麓区", "0731"}},
	province.Guangdong:     {{440104, "广州市", "越秀区", "020"}, {440106, "广州市", "天河区", "020"}},
	province.Guangxi:       {{450102, "南宁市", "兴宁区", "0771"}, {450103, "南宁市", "青秀区", "0771"}},
	province.Hainan:        {{460105, "海口市", "秀英区", "0898"}, {460106, "海口市", "龙华区", "0898"}},
	province.Chongqing:     {{500103, "", "渝中区", "023"}, {500105, "", "江北区", "023"}},
	province.Sichuan:       {{510104, "成都市", "锦江区", "028"}, {510105, "成都市", "青羊区", "028"}},
	province.Guizhou:       {{520102, "贵阳市", "南明区", "0851"}, {520103, "贵阳市", "云岩区", "0851"}},
	province.Yunnan:        {{530102, "昆明市", "五华区", "0871"}, {530103, "昆明市", "盘龙区", "0871"}},
	province.Tibet:         {{540102, "拉萨市", "城关区", "0891"}},
	province.Shaanxi:       {{610104, "西安市", "莲湖区", "029"}, {610113, "西安市", "雁塔区", "029"}},
	province.Gansu:         {{620102, "兰州市", "城关区", "0931"}, {620103, "兰州市", "七里河区", "0931"}},
	province.Qinghai:       {{630102, "西宁市", "城东区", "0971"}, {630103, "西宁市", "城中区", "0971"}},
	province.Ningxia:       {{640104, "银川市", "兴庆区", "0951"}, {640105, "银川市", "西夏区", "0951"}},
	province.Xinjiang:      {{650102, "乌鲁木齐市", "天山区", "0991"}, {650103, "乌鲁木齐市", "沙依巴克区", "0991"}},
}

// pickArea returns one district of p, or panics naming p when p is not a
// valid province.
func pickArea(r *rand.Rand, p province.Province) area {
	if !p.IsValid() {
		panic(fmt.Sprintf("icptest: invalid province %d", uint8(p)))
	}
	as := areas[p]
	return as[r.IntN(len(as))]
}

// ResidentID returns a synthetic mainland resident ID number (居民身份证):
// the code of a real district of p's capital, the calendar date of birth as
// birth carries it (its own location), a random sequence whose last digit
// is even for a woman and odd for a man (GB 11643), and the check
// character. The same r state gives the same number.
//
// The number is synthetic: it passes [subject.ParseResidentID] but belongs
// to no one, and must never be used as real data. ResidentID panics if p is
// not a valid province or birth is before 1800.
func ResidentID(r *rand.Rand, p province.Province, birth time.Time, female bool) subject.ResidentID {
	a := pickArea(r, p)
	y, m, d := birth.In(workday.China).Date() // the birth date as China counts it
	sex := 2 * r.IntN(5)                      // the 17th digit: even for a woman, odd for a man
	if !female {
		sex++
	}
	first17 := fmt.Sprintf("%06d%04d%02d%02d%02d%d", a.code, y, int(m), d, r.IntN(100), sex)
	id, err := subject.ParseResidentID(first17 + string(subject.ResidentIDCheck(first17)))
	if err != nil {
		panic("icptest: ResidentID: " + err.Error())
	}
	return id
}

// creditPrefix maps a subject kind to the registration authority and
// organisation type of GB 32100 (positions 1–2).
var creditPrefix = map[subject.Kind]string{
	subject.Enterprise:           "91",
	subject.IndividualBusiness:   "92",
	subject.Government:           "11",
	subject.Institution:          "12",
	subject.SocialOrganization:   "51",
	subject.PrivateNonEnterprise: "52",
	subject.Foundation:           "53",
	subject.LawFirm:              "31",
	subject.Military:             "A1",
}

// orgAlphabet is what an organisation code body may hold inside a credit
// code: digits and the upper-case letters that GB 32100 keeps (no I, O, S,
// V, Z).
const orgAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// OrgCode returns a synthetic nine-character organisation code (组织机构代码,
// GB 11714): eight random characters and the check character. It passes
// [subject.ParseDocument] with [subject.OrganizationCodeCertificate] and
// must never be used as real data.
func OrgCode(r *rand.Rand) string {
	var b [8]byte
	b[0] = orgAlphabet[10+r.IntN(len(orgAlphabet)-10)] // a leading letter, as on newer codes
	for i := 1; i < 8; i++ {
		b[i] = orgAlphabet[r.IntN(10)]
	}
	return string(b[:]) + string(subject.OrgCodeCheck(string(b[:])))
}

// CreditCode returns a synthetic unified social credit code (统一社会信用代码,
// GB 32100) for a unit of kind k registered in p: the authority and type
// code of k (91 enterprise, 92 individual business, 11 government, 12
// institution, 31 law firm, 51/52/53 social organisation, private
// non-enterprise unit, foundation, A1 military), a real district code of
// p, an organisation code with a valid GB 11714 check character, and the
// check character. The result's [subject.CreditCode.Kind] is k and its
// Province is p.
//
// The code is synthetic and must never be used as real data. CreditCode
// panics when k has no organisation type of its own in GB 32100
// ([subject.Individual] and [subject.ForeignRepresentative]) or p is not a
// valid province.
func CreditCode(r *rand.Rand, k subject.Kind, p province.Province) subject.CreditCode {
	pre, ok := creditPrefix[k]
	if !ok {
		panic(fmt.Sprintf("icptest: CreditCode: no GB 32100 organisation type for kind %v", k))
	}
	a := pickArea(r, p)
	first17 := pre + strconv.Itoa(a.code) + OrgCode(r)
	cc, err := subject.ParseCreditCode(first17 + string(subject.CreditCodeCheck(first17)))
	if err != nil {
		panic("icptest: CreditCode: " + err.Error())
	}
	return cc
}

// Mobile returns a synthetic mobile number of class c: a prefix of that
// class drawn from [subject.DefaultSegments] (11 digits, or 13 for
// [subject.IoT]) and random subscriber digits. [subject.Basic] numbers can
// receive the MIIT verification SMS; [subject.Virtual] ones are refused as
// emergency numbers.
//
// The number is synthetic and must never be used as real data; it may by
// chance be someone's real number, so never call or text it. Mobile panics
// when the table has no segment of class c.
func Mobile(r *rand.Rand, c subject.Class) subject.Mobile {
	segs := segmentsByClass()[c]
	if len(segs) == 0 {
		panic(fmt.Sprintf("icptest: Mobile: no segment of class %v", c))
	}
	// A longer prefix of another class may lie under a segment's prefix
	// (17406–17412 under 1740): draw again until the class is right.
	for range 1000 {
		s := segs[r.IntN(len(segs))]
		b := []byte(s.Prefix)
		for len(b) < s.Digits {
			b = append(b, byte('0'+r.IntN(10)))
		}
		if m, err := subject.ParseMobile(string(b)); err == nil && m.Class() == c {
			return m
		}
	}
	panic(fmt.Sprintf("icptest: Mobile: no number of class %v found", c))
}

// segmentsByClass groups the default segment table by class, once.
var segmentsByClass = sync.OnceValue(func() map[subject.Class][]subject.Segment {
	m := map[subject.Class][]subject.Segment{}
	for _, s := range subject.DefaultSegments().Segments() {
		m[s.Class] = append(m[s.Class], s)
	}
	return m
})

// Landline returns a synthetic landline of p: the area code of its capital
// and an eight-digit local number starting with 2 to 8, in the form
// 0571-86012345 that [subject.ParseLandline] reads. It must never be used
// as real data.
func Landline(r *rand.Rand, p province.Province) string {
	a := pickArea(r, p)
	return fmt.Sprintf("%s-%d%07d", a.phone, 2+r.IntN(7), r.IntN(10_000_000))
}
