package number_test

import (
	"errors"
	"fmt"

	"github.com/icpkit/icpkit/icp/number"
)

func ExampleParse() {
	n, err := number.Parse("浙ICP备2021000001号-2A")
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _ := n.Subject()
	y, _ := n.Year()
	fmt.Println(n.Kind(), n.Province(), n.Serial(), n.Index(), s, y)
	// Output: app_filing 浙江 2021000001 2 浙ICP备2021000001号 2021
}

func ExampleParse_errors() {
	for _, s := range []string{"萌ICP备20257012号", "京ICP备12345678号-0", "京公网安备33010602000001号"} {
		_, err := number.Parse(s)
		var ne *number.Error
		errors.As(err, &ne)
		fmt.Println(ne.Part, "|", errors.Is(err, number.ErrAbbreviation), errors.Is(err, number.ErrIndex), errors.Is(err, number.ErrMismatch))
	}
	// Output:
	// abbreviation | true false false
	// service index (0, a leading zero, or too large) | false true false
	// police code (first two digits name another province) | false false true
}

func ExampleNormalize() {
	n, fixes, err := number.Normalize("川 ICP 备12345678-9号")
	fmt.Println(n, fixes, err)
	// Output: 川ICP备12345678号-9 [space index_before_hao] <nil>
}

func ExampleNormalize_errors() {
	for _, s := range []string{"黔ICP备2022xxxxxx号-1", "京公网安备：110105001242", "萌ICP备20257012号"} {
		_, _, err := number.Normalize(s)
		fmt.Println(errors.Is(err, number.ErrPlaceholder), errors.Is(err, number.ErrOutdatedPolice), errors.Is(err, number.ErrAbbreviation))
	}
	// Output:
	// true false false
	// false true false
	// false false true
}

func ExampleFind() {
	page := "© 2026 某公司 粵ICP備14023066號-1 Powered by icpkit | 浙公网安备 33010602011771号"
	for _, m := range number.Find(page) {
		fmt.Printf("[%d,%d) %s %v\n", m.Start, m.End, m.Number, m.Fixes)
	}
	// Output:
	// [18,40) 粤ICP备14023066号-1 [traditional]
	// [61,94) 浙公网安备33010602011771号 [space]
}

func ExampleFind_errors() {
	text := "ICP备案号：京ICP备xxxxxxxx号-1 公安备案：审核中 深公网安备：4403101910665"
	for _, m := range number.Find(text) {
		var ne *number.Error
		errors.As(m.Err, &ne)
		fmt.Printf("%s | %s | placeholder %v, outdated %v\n", text[m.Start:m.End], ne.Part,
			errors.Is(m.Err, number.ErrPlaceholder), errors.Is(m.Err, number.ErrOutdatedPolice))
	}
	// Output:
	// 京ICP备xxxxxxxx号-1 | serial (placeholder) | placeholder true, outdated false
	// 公安备案：审核中 | number (a pending word instead of the number) | placeholder true, outdated false
	// 深公网安备：4403101910665 | serial (12 or 13 digits: an outdated format; current numbers have 14) | placeholder false, outdated true
}

func ExamplePolice() {
	n, err := number.Police("51010802000001")
	fmt.Println(n, n.Province(), err)
	// Output:
	// 川公网安备51010802000001号 四川 <nil>
}

func ExamplePolice_errors() {
	for _, d := range []string{"110105001242", "99010502026149"} {
		_, err := number.Police(d)
		fmt.Println(err)
	}
	// Output:
	// number.Police("110105001242"): serial (12 or 13 digits: an outdated format; current numbers have 14): outdated public-security number format
	// number.Police("99010502026149"): police code (first two digits are no province's code): parts disagree
}

func ExampleNumber_LikelyDummy() {
	for _, s := range []string{"京ICP备12345678号", "京ICP证123456号", "京公网安备11000000000001号", "京ICP备05004340号-1"} {
		fmt.Println(s, number.MustParse(s).LikelyDummy())
	}
	// Output:
	// 京ICP备12345678号 true
	// 京ICP证123456号 true
	// 京公网安备11000000000001号 true
	// 京ICP备05004340号-1 false
}

func ExampleNumber_Class() {
	n := number.MustParse("合字A1.B1.B2-20180017")
	fmt.Println(n.Kind(), n.Abbr(), n.Class(), n.Province().IsValid(), n)
	// Output: telecom_license 合字 A1.B1.B2 false 合字A1.B1.B2-20180017
}
