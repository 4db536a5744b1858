package number

import (
	"reflect"
	"strings"
	"testing"
)

var numberSeeds = []string{
	"京ICP备12345678号", "浙ICP备2021000001号-1", "京ICP备09000000号-6A", "粤ICP备2020123456号-3X",
	"沪ICP备2022000001号-4K", "川ICP备10000001号-1", "京ICP证030173号-1", "粤B2-20090059-1626X",
	"京公网安备11010502000001号", "粤 ICP 备17095567号", "川ICP备12345678-9号", "京ICP备12345678号号",
	"京ICP备XXXXX号", "萌ICP备20257012号", "阿里云ICP备案", "贵ICP备00000000号", "京ＩＣＰ备１２３４５６７８号",
	"", "€", "😀", "3²", "ⅷ", "⑱", "\x00", "\xff\xfe", strings.Repeat("京ICP备", 50),
	// Runes whose upper case has another length (the old Normalize
	// indexed one string with a position found in its upper-cased copy).
	"ɐicp", "京ɐicp", "ɫicp", "京ɫicp备12345678号", "ſicp", "京\u212Aicp", "İcp", "京ßicp备1号", "ɐICPɐ",
	// Spellings Find and Normalize read.
	"粵ICP備14023066號-1", "京IPC备05004340号", "蜀 ICP(备)10025767号", "ICP备案号：京ICP备05004340号-1",
	"京B2-20171652号", "京公网安备号 11010502026705", "京ICP备05004340号-1a", "合字B2-20170010",
	"合字A1.B1.B2-20180017", "A2.B1.B2-20090003", "京ICP证B2-20171701号", "公安备案号：31010102005799",
	"京公网安备：110105001242", "深公网安备：4403101910665", "黔ICP备2022xxxxxx号-1", "京ICP备xxxxxxxx号-x",
	"京ICP备＊＊＊＊号", "ICP备案：审核中", "粵公網安備 (演示)", "晋ICP备ICP备15001663", "沪ICP11006075号",
	"京ICP备0500\u200d4340号", "京ICP备05004340号-1All rights", "ICPICPICP备ICP", "B2.B2.B2-",
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			return
		}
		if n.String() != s {
			t.Fatalf("canonical input %q printed as %q", s, n.String())
		}
		again, err := Parse(n.String())
		if err != nil || again != n {
			t.Fatalf("round trip of %q: %v", s, err)
		}
	})
}

func FuzzNormalizeNumber(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, _, err := Normalize(s)
		if err != nil {
			return
		}
		again, err := Parse(n.String())
		if err != nil || again != n {
			t.Fatalf("normalised %q to %q, which does not parse: %v", s, n, err)
		}
	})
}

func FuzzFindNumbers(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ms := Find(s)
		checkMatches(t, s, ms)
		if slow := find(s, 0); !reflect.DeepEqual(ms, slow) {
			t.Fatalf("Find(%q) = %+v; without its quick path %+v", s, ms, slow)
		}
	})
}
