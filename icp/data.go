package icp

import (
	"strings"

	"golang.org/x/net/idna"

	"github.com/icpkit/icpkit/icp/domain"
	"github.com/icpkit/icpkit/subject"
)

// kindSuffixes are the suffix families that some subject kinds must use
// (互联网政务应用安全管理规定): government bodies .gov.cn or .政务, public
// institutions .cn or .公益 (HW-prov doc_0218, HW-policy, HW-kb).
var kindSuffixes = map[subject.Kind][]string{
	subject.Government:  {"gov.cn", "xn--zfr164b", "xn--zfr164b.cn"},
	subject.Institution: {"cn", "xn--55qw42g", "xn--55qw42g.cn"},
}

// kindSuffixOK reports whether a domain with the given public suffix fits
// the suffix family of the subject kind; kinds without a family always fit.
// The second result names the family for messages.
func kindSuffixOK(k subject.Kind, suffix string) (bool, string) {
	fam, ok := kindSuffixes[k]
	if !ok {
		return true, ""
	}
	a, _ := idna.Lookup.ToASCII(strings.ToLower(suffix))
	for _, f := range fam {
		if a == f || strings.HasSuffix(a, f) && a[len(a)-len(f)-1] == '.' {
			return true, ""
		}
	}
	names := make([]string, len(fam))
	for i, f := range fam {
		names[i] = "." + domain.Display(f)
	}
	return false, strings.Join(names, " ")
}
