package number

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/internal/catalog"
	"github.com/icpkit/icpkit/province"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		kind    Kind
		prov    province.Province
		serial  string
		index   int
		svc     Service
		year    int
		subject string
	}{
		{"subject, 8-digit serial", "京ICP备12345678号", SubjectFiling, province.Beijing, "12345678", 0, NoService, 2012, "京ICP备12345678号"},
		{"subject, 10-digit serial", "浙ICP备2021000001号", SubjectFiling, province.Zhejiang, "2021000001", 0, NoService, 2021, "浙ICP备2021000001号"},
		{"site -1", "京ICP备12345678号-1", SiteFiling, province.Beijing, "12345678", 1, Website, 2012, "京ICP备12345678号"},
		{"site with a large index", "京ICP备08000000号-66", SiteFiling, province.Beijing, "08000000", 66, Website, 2008, "京ICP备08000000号"},
		{"App -6A", "京ICP备09000000号-6A", AppFiling, province.Beijing, "09000000", 6, App, 2009, "京ICP备09000000号"},
		{"mini program -3X", "粤ICP备2020123456号-3X", MiniProgramFiling, province.Guangdong, "2020123456", 3, MiniProgram, 2020, "粤ICP备2020123456号"},
		{"quick app -4K", "沪ICP备2022000001号-4K", QuickAppFiling, province.Shanghai, "2022000001", 4, QuickApp, 2022, "沪ICP备2022000001号"},
		{"Sichuan 蜀", "蜀ICP备2026000001号-1", SiteFiling, province.Sichuan, "2026000001", 1, Website, 2026, "蜀ICP备2026000001号"},
		{"Sichuan alias 川 kept as issued", "川ICP备10000001号-1", SiteFiling, province.Sichuan, "10000001", 1, Website, 2010, "川ICP备10000001号"},
		{"Guizhou alias 贵", "贵ICP备2021000002号-1", SiteFiling, province.Guizhou, "2021000002", 1, Website, 2021, "贵ICP备2021000002号"},
		{"Gansu 陇", "陇ICP备2020000003号", SubjectFiling, province.Gansu, "2020000003", 0, NoService, 2020, "陇ICP备2020000003号"},
		{"ICP licence with leading zero", "京ICP证030173号", ICPLicense, province.Beijing, "030173", 0, NoService, 0, "京ICP证030173号"},
		{"ICP licence service", "京ICP证030173号-1", ICPLicense, province.Beijing, "030173", 1, Website, 0, "京ICP证030173号"},
		{"B2 licence", "粤B2-20090059", TelecomLicense, province.Guangdong, "20090059", 0, NoService, 2009, "粤B2-20090059"},
		{"B2 service", "浙B2-20080224-1", TelecomLicense, province.Zhejiang, "20080224", 1, Website, 2008, "浙B2-20080224"},
		{"B2 mini program", "粤B2-20090059-1626X", TelecomLicense, province.Guangdong, "20090059", 1626, MiniProgram, 2009, "粤B2-20090059"},
		{"B1 licence", "京B1-20100001", TelecomLicense, province.Beijing, "20100001", 0, NoService, 2010, "京B1-20100001"},
		{"合字 licence, foreign-invested, no province", "合字B2-20170010", TelecomLicense, 0, "20170010", 0, NoService, 2017, "合字B2-20170010"},
		{"合字 licence of three classes", "合字A1.B1.B2-20180017", TelecomLicense, 0, "20180017", 0, NoService, 2018, "合字A1.B1.B2-20180017"},
		{"cross-regional licence, no abbreviation", "A2.B1.B2-20090003", TelecomLicense, 0, "20090003", 0, NoService, 2009, "A2.B1.B2-20090003"},
		{"cross-regional B1.B2", "B1.B2-20150233", TelecomLicense, 0, "20150233", 0, NoService, 2015, "B1.B2-20150233"},
		{"police Beijing", "京公网安备11010502000001号", PoliceFiling, province.Beijing, "11010502000001", 0, NoService, 0, ""},
		{"police Sichuan uses 川", "川公网安备51010802000001号", PoliceFiling, province.Sichuan, "51010802000001", 0, NoService, 0, ""},
		{"police Guizhou uses 贵", "贵公网安备52052302000001号", PoliceFiling, province.Guizhou, "52052302000001", 0, NoService, 0, ""},
		{"police Gansu uses 甘", "甘公网安备62090202000001号", PoliceFiling, province.Gansu, "62090202000001", 0, NoService, 0, ""},
		{"police with a non-county code", "陕公网安备61019702000001号", PoliceFiling, province.Shaanxi, "61019702000001", 0, NoService, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.kind, n.Kind())
			assert.Equal(t, tt.prov, n.Province())
			assert.Equal(t, tt.serial, n.Serial())
			assert.Equal(t, tt.index, n.Index())
			assert.Equal(t, tt.svc, n.Service())
			y, ok := n.Year()
			assert.Equal(t, tt.year, y)
			assert.Equal(t, tt.year != 0, ok)
			assert.Equal(t, tt.in, n.String(), "String is the canonical input")
			again, err := Parse(n.String())
			require.NoError(t, err)
			assert.Equal(t, n, again, "Parse(n.String()) == n")
			b, err := json.Marshal(n)
			require.NoError(t, err)
			var back Number
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, n, back)
			s, ok := n.Subject()
			assert.Equal(t, tt.subject != "", ok)
			if ok {
				assert.Equal(t, tt.subject, s.String())
			}
		})
	}
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		err  error
		part string
	}{
		{"Hong Kong", "港ICP备12345678号", ErrAbbreviation, "abbreviation"},
		{"Macau", "澳ICP备12345678号", ErrAbbreviation, "abbreviation"},
		{"Taiwan", "台ICP备12345678号", ErrAbbreviation, "abbreviation"},
		{"vanity registry 萌", "萌ICP备20257012号", ErrAbbreviation, "abbreviation"},
		{"vanity registry 茶", "茶ICP备20250001号", ErrAbbreviation, "abbreviation"},
		{"placeholder XXXXX", "京ICP备XXXXX号", ErrPlaceholder, "serial (placeholder)"},
		{"placeholder zeros", "贵ICP备00000000号", ErrSerial, "serial (placeholder)"},
		{"placeholder zeros match ErrPlaceholder too", "贵ICP备00000000号", ErrPlaceholder, "serial (placeholder)"},
		{"placeholder, partly x", "黔ICP备2022xxxxxx号-1", ErrPlaceholder, "serial (placeholder)"},
		{"placeholder stars", "京ICP备********号", ErrPlaceholder, "serial (placeholder)"},
		{"placeholder index", "京ICP备12345678号-x", ErrPlaceholder, "service index (placeholder)"},
		{"placeholder police", "京公网安备XXXXXXXXXXXXXX号", ErrPlaceholder, "serial (placeholder)"},
		{"placeholder licence", "A2.B1.B2-XXXXXXXX", ErrPlaceholder, "serial (placeholder)"},
		{"placeholder on a vanity prefix is still a placeholder", "萌ICP备XXXXXXXX号", ErrPlaceholder, "serial (placeholder)"},
		{"index 0", "京ICP备12345678号-0", ErrIndex, "service index (0, a leading zero, or too large)"},
		{"index with a leading zero", "京ICP备12345678号-01", ErrIndex, "service index (0, a leading zero, or too large)"},
		{"dash without index", "京ICP备12345678号-", ErrIndex, "service index"},
		{"7 digits", "京ICP备1234567号", ErrSerial, "serial (8 or 10 digits)"},
		{"9 digits", "京ICP备123456789号", ErrSerial, "serial (8 or 10 digits)"},
		{"11 digits", "京ICP备20210000001号", ErrSerial, "serial (8 or 10 digits)"},
		{"licence with 5 digits", "京ICP证03017号", ErrSerial, "serial (6 digits)"},
		{"licence with App suffix", "京ICP证030173号-1A", ErrFormat, "service suffix on an ICP licence"},
		{"missing 号", "京ICP备12345678", ErrFormat, "号 after the serial"},
		{"spaces", "粤 ICP 备17095567号", ErrFormat, "kind (ICP备, ICP证, B2- or 公网安备)"},
		{"prose", "阿里云ICP备案", ErrFormat, "kind (ICP备, ICP证, B2- or 公网安备)"},
		{"unknown suffix", "京ICP备12345678号-1Z", ErrFormat, "service suffix (A, X or K)"},
		{"text after", "京ICP备12345678号 版权所有", ErrFormat, "text after the number"},
		{"police with 13 digits: outdated", "京公网安备1101050200000号", ErrOutdatedPolice, "serial (12 or 13 digits: an outdated format; current numbers have 14)"},
		{"police with 12 digits: outdated", "京公网安备110105001242号", ErrOutdatedPolice, "serial (12 or 13 digits: an outdated format; current numbers have 14)"},
		{"outdated police matches ErrSerial too", "京公网安备110105001242号", ErrSerial, "serial (12 or 13 digits: an outdated format; current numbers have 14)"},
		{"police of a city abbreviation, outdated", "深公网安备4403101910665号", ErrOutdatedPolice, "serial (12 or 13 digits: an outdated format; current numbers have 14)"},
		{"police with 15 digits", "京公网安备110105020000011号", ErrSerial, "serial (14 digits)"},
		{"licence classes out of order", "京B2.B1-20100001", ErrFormat, "licence classes (A1, A2, B1, B2 in this order, joined by '.')"},
		{"national licence classes out of order", "B2.B1-20100001", ErrFormat, "licence classes (A1, A2, B1, B2 in this order, joined by '.')"},
		{"licence class repeated", "B2.B2-20100001", ErrFormat, "licence classes (A1, A2, B1, B2 in this order, joined by '.')"},
		{"合字 on an ICP filing", "合字ICP备12345678号", ErrFormat, "kind (ICP备, ICP证, B2- or 公网安备)"},
		{"licence with a trailing 号", "京B2-20171652号", ErrFormat, "text after the number"},
		{"police code of another province", "京公网安备33010602000001号", ErrMismatch, "police code (first two digits name another province)"},
		{"police with the ICP abbreviation 蜀", "蜀公网安备51010802000001号", ErrAbbreviation, "abbreviation (川 in 公网安备 numbers)"},
		{"B2 with 7 digits", "粤B2-2009005", ErrSerial, "serial (8 digits)"},
		{"empty", "", ErrFormat, "abbreviation"},
		{"ASCII only", "ICP12345678", ErrFormat, "abbreviation"},
		{"overlong", strings.Repeat("京", 40), ErrFormat, "length"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.err)
			var ne *Error
			require.True(t, errors.As(err, &ne))
			assert.Equal(t, tt.part, ne.Part)
		})
	}
}

func TestNormalizeNumber(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  string
		fixes []Fix
	}{
		{"canonical", "京ICP备12345678号-1", "京ICP备12345678号-1", nil},
		{"spaces", "粤 ICP 备17095567号", "粤ICP备17095567号", []Fix{FixSpace}},
		{"full-width digits and letters", "京ＩＣＰ备１２３４５６７８号－１", "京ICP备12345678号-1", []Fix{FixWidth, FixDash}},
		{"lower-case icp", "京icp备12345678号", "京ICP备12345678号", []Fix{FixCase}},
		{"index before 号", "川ICP备12345678-9号", "川ICP备12345678号-9", []Fix{FixIndexPosition}},
		{"index before 号 with App suffix", "京ICP备12345678-2A号", "京ICP备12345678号-2A", []Fix{FixIndexPosition}},
		{"doubled 号", "京ICP备12345678号号", "京ICP备12345678号", []Fix{FixDoubleHao}},
		{"doubled 号 with space", "京ICP备12345678号 号", "京ICP备12345678号", []Fix{FixSpace, FixDoubleHao}},
		{"missing 号", "京ICP备12345678", "京ICP备12345678号", []Fix{FixMissingHao}},
		{"missing 号 before index", "京ICP备12345678-3", "京ICP备12345678号-3", []Fix{FixMissingHao}},
		{"police with a space", "浙公网安备 33052202000779号", "浙公网安备33052202000779号", []Fix{FixSpace}},
		{"police missing 号", "浙公网安备33052202000779", "浙公网安备33052202000779号", []Fix{FixMissingHao}},
		{"lower-case b2", "粤b2-20090059", "粤B2-20090059", []Fix{FixCase}},
		{"em dash", "粤B2—20090059", "粤B2-20090059", []Fix{FixDash}},
		{"traditional 備 號", "京ICP備05004340號-1", "京ICP备05004340号-1", []Fix{FixTraditional}},
		{"traditional 證", "京ICP證030173號", "京ICP证030173号", []Fix{FixTraditional}},
		{"traditional province 粵", "粵ICP備14023066號-1", "粤ICP备14023066号-1", []Fix{FixTraditional}},
		{"traditional province 滬, mixed forms", "滬ICP備07034486号", "沪ICP备07034486号", []Fix{FixTraditional}},
		{"traditional police 公網安備", "浙公網安備33010502011812号", "浙公网安备33010502011812号", []Fix{FixTraditional}},
		{"IPC typo", "浙IPC备2021000001号", "浙ICP备2021000001号", []Fix{FixIPC}},
		{"brackets around 备", "蜀 ICP(备)10025767号", "蜀ICP备10025767号", []Fix{FixSpace, FixBracket}},
		{"label ICP备案号：", "ICP备案号：京ICP备05004340号-1", "京ICP备05004340号-1", []Fix{FixLabel}},
		{"label 备案号：", "备案号：京ICP备05004340号-1", "京ICP备05004340号-1", []Fix{FixLabel}},
		{"label 经营许可证编号：", "经营许可证编号：合字B2-20190051", "合字B2-20190051", []Fix{FixLabel}},
		{"label ICP备案/许可证号：", "ICP备案/许可证号：京ICP证030173号", "京ICP证030173号", []Fix{FixLabel}},
		{"label 互联网ICP备案号: ", "互联网ICP备案号: 京ICP备05004340号", "京ICP备05004340号", []Fix{FixLabel}},
		{"label 个人备案号：", "个人备案号：京ICP备05004340号-1", "京ICP备05004340号-1", []Fix{FixLabel}},
		{"label ICP证书号: with a space in 合字 B2", "ICP证书号: 合字 B2-20250310", "合字B2-20250310", []Fix{FixSpace, FixLabel}},
		{"label between 备 and the serial", "津ICP备案：12345670号", "津ICP备12345670号", []Fix{FixWidth, FixLabel}},
		{"trailing 号 on a B licence", "京B2-20171652号", "京B2-20171652", []Fix{FixTrailingHao}},
		{"号 before police digits", "京公网安备号 11010502026705", "京公网安备11010502026705号", []Fix{FixSpace, FixMissingHao, FixPoliceSeparator}},
		{"colon before police digits", "沪公网安备：31011502002167", "沪公网安备31011502002167号", []Fix{FixWidth, FixMissingHao, FixPoliceSeparator}},
		{"lower-case service letter", "京ICP备05004340号-1a", "京ICP备05004340号-1A", []Fix{FixCase}},
		{"lower-case mini-program letter", "粤ICP备2020123456号-3x", "粤ICP备2020123456号-3X", []Fix{FixCase}},
		{"full-width dash", "京ICP备05004340号－10", "京ICP备05004340号-10", []Fix{FixDash}},
		{"zero-width space", "京ICP备\u200b05004340号", "京ICP备05004340号", []Fix{FixInvisible}},
		{"missing 备", "沪ICP11006075号", "沪ICP备11006075号", []Fix{FixMissingBei}},
		{"doubled ICP备", "晋ICP备ICP备15001663号", "晋ICP备15001663号", []Fix{FixDoubledPrefix}},
		{"police digits without a prefix", "公网安备 11010502000001号", "京公网安备11010502000001号", []Fix{FixSpace, FixPolicePrefix}},
		{"合字 licence", "合字B2-20170010", "合字B2-20170010", nil},
		{"合字 licence with a space", "合字 B2-20250310", "合字B2-20250310", []Fix{FixSpace}},
		{"licence of three classes", "A2.B1.B2-20090003", "A2.B1.B2-20090003", nil},
		{"cross-regional licence of one class", "B2-20100020", "B2-20100020", nil},
		{"cross-regional licence of one class, lower case", "b2-20100020", "B2-20100020", []Fix{FixCase}},
		{"ICP证 written before a licence", "京ICP证B2-20171701号", "京B2-20171701", []Fix{FixLabel, FixTrailingHao}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, fixes, err := Normalize(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, n.String())
			assert.Equal(t, tt.fixes, fixes)
		})
	}
}

func TestNormalizeNumberErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		err  error
		part string
	}{
		{"placeholder XXXXX", "京ICP备XXXXX号", ErrPlaceholder, "serial (placeholder)"},
		{"placeholder, partly x", "黔ICP备2022xxxxxx号-1", ErrPlaceholder, "serial (placeholder)"},
		{"placeholder serial and index", "京ICP备xxxxxxxx号-x", ErrPlaceholder, "serial (placeholder)"},
		{"placeholder index", "京ICP备05004340号-x", ErrPlaceholder, "service index (placeholder)"},
		{"placeholder stars", "京ICP备********号", ErrPlaceholder, "serial (placeholder)"},
		{"placeholder full-width stars", "京ICP备＊＊＊＊＊＊＊＊号", ErrPlaceholder, "serial (placeholder)"},
		{"placeholder zeros", "贵ICP备00000000号", ErrPlaceholder, "serial (placeholder)"},
		{"pending 待备案", "ICP备案号：待备案", ErrPlaceholder, "number (a pending word instead of the number)"},
		{"pending 审核中", "京ICP备案审核中", ErrPlaceholder, "number (a pending word instead of the number)"},
		{"pending 申请中", "IPC备案号:正在申请中", ErrPlaceholder, "number (a pending word instead of the number)"},
		{"pending 请在此输入", "请在此输入你的备案号", ErrPlaceholder, "number (a pending word instead of the number)"},
		{"outdated police, 12 digits", "京公网安备：110105001242", ErrOutdatedPolice, "serial (12 or 13 digits: an outdated format; current numbers have 14)"},
		{"outdated police, 13 digits, city abbreviation", "深公网安备：4403101910665", ErrOutdatedPolice, "serial (12 or 13 digits: an outdated format; current numbers have 14)"},
		{"vanity prefix", "萌ICP备20257012号", ErrAbbreviation, "abbreviation"},
		{"Hong Kong", "港ICP备12345670号", ErrAbbreviation, "abbreviation"},
		{"no abbreviation", "ICP备05004340号", ErrAbbreviation, "abbreviation (missing)"},
		{"prose", "阿里云ICP备案", ErrFormat, "kind (ICP备, ICP证, B2- or 公网安备)"},
		{"text after the number", "京ICP备05004340号 版权所有", ErrFormat, "text after the number"},
		{"text before the number", "版权所有 京ICP备05004340号", ErrFormat, "text before the number"},
		{"two numbers", "京ICP备05004340号 京公网安备11010502000001号", ErrFormat, "text after the number"},
		{"overlong", strings.Repeat("京ICP备", 20), ErrFormat, "length"},
		{"ɐ upper-cases to a longer rune", "ɐicp", ErrFormat, "abbreviation"},
		{"ɐ after an abbreviation", "京ɐicp", ErrFormat, "kind (ICP备, ICP证, B2- or 公网安备)"},
		{"ɫ upper-cases to a shorter rune", "ɫicp", ErrFormat, "abbreviation"},
		{"ſ upper-cases to S", "京ſICP备05004340号", ErrFormat, "text before the number"},
		{"Kelvin sign K", "京KICP备05004340号", ErrFormat, "text before the number"},
		{"İ", "京İCP备05004340号", ErrFormat, "kind (ICP备, ICP证, B2- or 公网安备)"},
		{"ß upper-cases to SS", "京ßicp备05004340号", ErrFormat, "text before the number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, _, err := Normalize(tt.in)
			require.Error(t, err)
			assert.False(t, n.IsValid())
			assert.ErrorIs(t, err, tt.err)
			var ne *Error
			require.True(t, errors.As(err, &ne))
			assert.Equal(t, tt.part, ne.Part)
			assert.Equal(t, "Normalize", ne.Func)
		})
	}
}

func TestLikelyDummy(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		dummy bool
	}{
		{"run up, 8 digits", "京ICP备12345678号", true},
		{"run up, 10 digits, wrapping to 0", "浙ICP备1234567890号-1", true},
		{"run down", "京ICP备87654321号", true},
		{"one digit repeated", "京ICP备88888888号", true},
		{"one digit repeated, licence", "粤B2-11111111", true},
		{"year followed by zeros", "浙ICP备2022000000号", true},
		{"year, zeros and one digit", "京ICP备2024000001号", true},
		{"four-digit year in an 8-digit serial", "青ICP备20230001号", true},
		{"two-digit year followed by zeros", "京ICP备12000000号", true},
		{"year, zeros and a run from 1", "湘ICP备2023001234号-1", true},
		{"theme default ICP licence", "京ICP证123456号", true},
		{"ICP licence of zeros and one digit", "京ICP证000001号", true},
		{"licence: year followed by zeros", "粤B2-20170000", true},
		{"licence without a year", "渝B2-12134567", true},
		{"police: area code and zeros", "京公网安备11000000000001号", true},
		{"police: sequence a run from 1", "京公网安备11010802012345号", true},
		{"police: sequence one digit repeated", "豫公网安备41230000099999号", true},
		{"real subject number", "京ICP备05004340号", false},
		{"real 10-digit number", "苏ICP备2026047415号-1", false},
		{"real number with repeated digits inside", "冀ICP备06001111号", false},
		{"real ICP licence", "京ICP证030173号", false},
		{"real licence, small sequence", "合字B1.B2-20130004", false},
		{"real licence, round sequence", "粤B2-20110100", false},
		{"real police number at province level", "京公网安备11000002000001号", false},
		{"real police number", "浙公网安备33010602011771号", false},
		{"the service index is not considered", "京ICP备05004340号-1234", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.dummy, MustParse(tt.in).LikelyDummy())
		})
	}
	assert.False(t, Number{}.LikelyDummy(), "the zero Number")
}

func TestPoliceNumber(t *testing.T) {
	tests := []struct {
		name   string
		digits string
		want   string
		err    error
		part   string
	}{
		{"Beijing", "11010502026149", "京公网安备11010502026149号", nil, ""},
		{"Sichuan uses 川", "51010802000001", "川公网安备51010802000001号", nil, ""},
		{"Gansu uses 甘", "62090202000001", "甘公网安备62090202000001号", nil, ""},
		{"12 digits: outdated", "110105001242", "", ErrOutdatedPolice, "serial (12 or 13 digits: an outdated format; current numbers have 14)"},
		{"13 digits: outdated", "4403101910665", "", ErrOutdatedPolice, "serial (12 or 13 digits: an outdated format; current numbers have 14)"},
		{"15 digits", "140110430070001", "", ErrSerial, "serial (14 digits)"},
		{"no province code", "99010502026149", "", ErrMismatch, "police code (first two digits are no province's code)"},
		{"zeros", "11000000000000", "", ErrSerial, "serial (placeholder)"},
		{"not digits", "1101050202614X", "", ErrFormat, "digits"},
		{"a whole number is not digits", "京公网安备11010502026149号", "", ErrFormat, "digits"},
		{"empty", "", "", ErrFormat, "digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Police(tt.digits)
			if tt.err == nil {
				require.NoError(t, err)
				assert.Equal(t, tt.want, n.String())
				assert.Equal(t, n, MustParse(tt.want))
				assert.Equal(t, tt.digits, n.Serial())
				return
			}
			assert.ErrorIs(t, err, tt.err)
			var ne *Error
			require.True(t, errors.As(err, &ne))
			assert.Equal(t, tt.part, ne.Part)
		})
	}
}

// TestTraditionalAbbreviations checks that the traditional forms of
// province abbreviations come from package province: every simplified form
// in abbrVariants is an abbreviation there, and each is folded.
func TestTraditionalAbbreviations(t *testing.T) {
	abbrs := map[string]bool{}
	for _, p := range province.All() {
		abbrs[p.ICPAbbr()], abbrs[p.PSBAbbr()] = true, true
		for _, a := range p.ICPAliases() {
			abbrs[a] = true
		}
	}
	for _, v := range abbrVariants {
		assert.True(t, abbrs[string(v[0])], "%c is a province abbreviation", v[0])
		got, ok := simplified(v[1])
		assert.True(t, ok)
		assert.Equal(t, v[0], got)
	}
	for _, v := range textVariants {
		got, ok := simplified(v[1])
		assert.True(t, ok)
		assert.Equal(t, v[0], got)
	}
	n, fixes, err := Normalize("隴ICP備2020000003號")
	require.NoError(t, err)
	assert.Equal(t, province.Gansu, n.Province())
	assert.Equal(t, []Fix{FixTraditional}, fixes)
	// Every Fix has a catalog message in both languages.
	for _, f := range allFixes {
		m, ok := catalog.Lookup(f.MessageCode())
		require.True(t, ok, f)
		assert.NotEmpty(t, m.Zh)
		assert.NotEmpty(t, m.En)
	}
}

func TestNumberMethods(t *testing.T) {
	n := MustParse("川ICP备10000001号-1")
	assert.Equal(t, "川", n.Abbr())
	assert.False(t, n.CanonicalAbbr())
	assert.True(t, MustParse("蜀ICP备10000001号-1").CanonicalAbbr())
	assert.True(t, MustParse("川公网安备51010802000001号").CanonicalAbbr())
	assert.Equal(t, "B2", MustParse("粤B2-20090059").Class())
	s := MustParse("浙ICP备2021000001号")
	site, err := s.WithIndex(2, App)
	require.NoError(t, err)
	assert.Equal(t, "浙ICP备2021000001号-2A", site.String())
	_, err = s.WithIndex(0, Website)
	assert.ErrorIs(t, err, ErrIndex)
	_, err = MustParse("京ICP证030173号").WithIndex(1, App)
	assert.ErrorIs(t, err, ErrFormat)
	_, ok := MustParse("京公网安备11010502000001号").Subject()
	assert.False(t, ok)

	nums := []Number{MustParse("浙ICP备2021000001号-2"), MustParse("京ICP备12345678号-1"),
		MustParse("浙ICP备2021000001号-1"), MustParse("京ICP备12345678号")}
	slices.SortFunc(nums, Number.Compare)
	var got []string
	for _, x := range nums {
		got = append(got, x.String())
	}
	assert.Equal(t, []string{"京ICP备12345678号", "京ICP备12345678号-1", "浙ICP备2021000001号-1", "浙ICP备2021000001号-2"}, got)
	assert.Zero(t, nums[0].Compare(nums[0]))
	var zero Number
	assert.Equal(t, "", zero.String())
	assert.Equal(t, "invalid", zero.Kind().String())
	assert.Equal(t, "site_filing", SiteFiling.String())
	require.NoError(t, zero.UnmarshalText(nil))
}

var (
	sinkN Number
	sinkB []byte
)

func TestNumberNoAllocs(t *testing.T) {
	buf := make([]byte, 0, 64)
	n := MustParse("浙ICP备2021000001号-1")
	for name, f := range map[string]func(){
		"Parse site":    func() { sinkN, _ = Parse("浙ICP备2021000001号-1") },
		"Parse police":  func() { sinkN, _ = Parse("浙公网安备33010602011771号") },
		"Parse B2":      func() { sinkN, _ = Parse("粤B2-20090059-1626X") },
		"Parse 合字":      func() { sinkN, _ = Parse("合字A1.B1.B2-20180017") },
		"Parse classes": func() { sinkN, _ = Parse("A2.B1.B2-20090003") },
		"AppendText":    func() { sinkB, _ = n.AppendText(buf[:0]) },
	} {
		assert.Zero(t, testing.AllocsPerRun(100, f), name)
	}
}

func BenchmarkParseNumber(b *testing.B) {
	for _, in := range []string{"浙ICP备2021000001号-1", "京ICP证030173号", "浙公网安备33010602011771号"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkN, _ = Parse(in)
			}
		})
	}
}

// BenchmarkNormalizeNumber compares Normalize with Parse (the
// floor) on canonical input, and reads untidy input.
func BenchmarkNormalizeNumber(b *testing.B) {
	for _, in := range []string{"浙ICP备2021000001号-1", "ICP备案号：粵 ICP 備 2021000001 號－1", "京公网安备号 11010502026705"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkN, _, _ = Normalize(in)
			}
		})
	}
	b.Run("Parse floor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkN, _ = Parse("浙ICP备2021000001号-1")
		}
	})
}

func BenchmarkAppendText(b *testing.B) {
	n := MustParse("浙ICP备2021000001号-1")
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		sinkB, _ = n.AppendText(buf[:0])
	}
}
