package icp

import (
	"strings"
	"testing"
)

var numberSeeds = []string{
	"京ICP备12345678号", "浙ICP备2021000001号-1", "京ICP备09000000号-6A", "粤ICP备2020123456号-3X",
	"沪ICP备2022000001号-4K", "川ICP备10000001号-1", "京ICP证030173号-1", "粤B2-20090059-1626X",
	"京公网安备11010502000001号", "粤 ICP 备17095567号", "川ICP备12345678-9号", "京ICP备12345678号号",
	"京ICP备XXXXX号", "萌ICP备20257012号", "阿里云ICP备案", "贵ICP备00000000号", "京ＩＣＰ备１２３４５６７８号",
	"", "€", "😀", "3²", "ⅷ", "⑱", "\x00", "\xff\xfe", strings.Repeat("京ICP备", 50),
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			return
		}
		if n.String() != s {
			t.Fatalf("canonical input %q printed as %q", s, n.String())
		}
		again, err := ParseNumber(n.String())
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
		n, _, err := NormalizeNumber(s)
		if err != nil {
			return
		}
		again, err := ParseNumber(n.String())
		if err != nil || again != n {
			t.Fatalf("normalised %q to %q, which does not parse: %v", s, n, err)
		}
	})
}
