package subject

import (
	"strings"
	"unicode/utf8"

	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/province"
)

// MostDetailedRemark is the remark that the sources document as the escape
// when an address has no house number: "已是最详细地址" (TC-subj).
const MostDetailedRemark = "已是最详细地址"

// AddressOptions are the province rules [CheckAddress] applies.
type AddressOptions struct {
	// Province is the filing province; an address that starts with another
	// province's name is reported.
	Province province.Province
	// NoShixiaqu reports 市辖区 ([province.Rules.AddressNoShixiaqu]).
	NoShixiaqu bool
	// RequireRoom asks for a room number (Shanghai individuals,
	// [province.Rules.AddressRoomNumberIndividuals]).
	RequireRoom bool
	// Remark is the application's remark; MostDetailedRemark in it waives
	// the house-number rule.
	Remark string
}

// AddressProblem is one reason an address is not "precise to the house
// number".
type AddressProblem struct {
	Code   string // stable code, e.g. "address.no_house_number"
	Detail string // the word that triggered it, or the replacement
	Source string // source key of the rule
}

// Address problem codes.
const (
	AddressEmpty            = "address.empty"
	AddressTooLong          = "address.too_long"
	AddressNoHouseNumber    = "address.no_house_number"
	AddressNoRoomNumber     = "address.no_room_number"
	AddressShixiaqu         = "address.shixiaqu"
	AddressProvince         = "address.province_mismatch"
	AddressObsoleteDistrict = "address.obsolete_district"
)

// obsoleteNames are district names the sources say to replace.
var obsoleteNames = []struct{ old, now, source string }{
	{"宣武区", "西城区", "TC-P-北京"},
	{"崇文区", "东城区", "TC-P-北京"},
	{"密云县", "密云区", "TC-P-北京"},
	{"自贸区", "滨海新区", "TC-P-天津"},
	{"空港经济区", "滨海新区", "TC-P-天津"},
}

// houseMarkers end the part of an address that names a building or a unit.
// They count only after a numeral or letter (3号, 5幢, A座).
var houseMarkers = []string{"号楼", "号院", "号", "栋", "幢", "单元", "室", "座", "楼", "弄"}

// ruralMarkers are enough on their own for rural addresses (to the village).
var ruralMarkers = []string{"村", "组", "屯", "社区"}

var roomMarkers = []string{"室", "房", "户"}

// CheckAddress checks that a subject address is "precise to the house
// number" (TC-P-北京, TC-P-天津, TC-subj): it reports a missing house-level
// marker (号, 号楼, 栋, 幢, 单元, 室, or 村/组 for rural addresses), 市辖区,
// a leading province name other than the filing province, district names
// the sources call obsolete, and, when asked, a missing room number. The
// remark MostDetailedRemark waives the house-number rule. A nil result means
// no problem was found.
func CheckAddress(addr string, opts AddressOptions) []AddressProblem {
	var out []AddressProblem
	a := string(norm.Append(nil, norm.TrimSpace(addr), true, false))
	if a == "" {
		return []AddressProblem{{Code: AddressEmpty, Source: "TC-subj"}}
	}
	if utf8.RuneCountInString(a) > 200 {
		return []AddressProblem{{Code: AddressTooLong, Detail: "200", Source: "icpkit input bound"}}
	}
	if opts.Province.IsValid() {
		if p, name := leadingProvince(a); p.IsValid() && p != opts.Province {
			out = append(out, AddressProblem{Code: AddressProvince, Detail: name, Source: "TC-subj; HW-rules"})
		}
	}
	if opts.NoShixiaqu && strings.Contains(a, "市辖区") {
		out = append(out, AddressProblem{Code: AddressShixiaqu, Detail: "市辖区", Source: "TC-subj; TC-P-北京"})
	}
	for _, o := range obsoleteNames {
		if strings.Contains(a, o.old) {
			out = append(out, AddressProblem{Code: AddressObsoleteDistrict, Detail: o.old + "→" + o.now, Source: o.source})
		}
	}
	waived := strings.Contains(opts.Remark, MostDetailedRemark)
	if !waived && !hasMarker(a, houseMarkers, true) && !hasMarker(a, ruralMarkers, false) {
		out = append(out, AddressProblem{Code: AddressNoHouseNumber, Source: "TC-subj; TC-P-北京"})
	}
	if opts.RequireRoom && !waived && !hasMarker(a, roomMarkers, true) && !endsWithRoomDigits(a) {
		out = append(out, AddressProblem{Code: AddressNoRoomNumber, Source: "TC-P-上海"})
	}
	return out
}

// leadingProvince returns the province whose full or short name starts a.
func leadingProvince(a string) (province.Province, string) {
	for _, p := range province.All() {
		for _, n := range []string{p.Name(), p.ShortName()} {
			if strings.HasPrefix(a, n) {
				return p, n
			}
		}
	}
	return 0, ""
}

func hasMarker(a string, markers []string, needNumeral bool) bool {
	for _, m := range markers {
		for i := 0; ; {
			j := strings.Index(a[i:], m)
			if j < 0 {
				break
			}
			j += i
			if !needNumeral {
				return true
			}
			if r, _ := utf8.DecodeLastRuneInString(a[:j]); isNumeral(r) {
				return true
			}
			i = j + len(m)
		}
	}
	return false
}

func isNumeral(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' ||
		strings.ContainsRune("一二三四五六七八九十百千零〇甲乙丙丁", r)
}

// endsWithRoomDigits accepts "…5幢301" and "…3号1202": a house marker followed
// by a digit group at the end.
func endsWithRoomDigits(a string) bool {
	i := len(a)
	for i > 0 && a[i-1] >= '0' && a[i-1] <= '9' {
		i--
	}
	if i == len(a) || len(a)-i < 3 {
		return false
	}
	for _, m := range []string{"号", "栋", "幢", "单元", "楼", "-"} {
		if strings.HasSuffix(a[:i], m) {
			return true
		}
	}
	return false
}
