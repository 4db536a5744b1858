package domain

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"

	"github.com/icpkit/icpkit/internal/norm"
)

// Errors wrapped by a [*DomainError], matched with [errors.Is].
var (
	// ErrHost: not a syntactically valid host name.
	ErrHost = errors.New("invalid host name")
	// ErrIPHost: an IP address, which cannot be filed.
	ErrIPHost = errors.New("an IP address is not a domain")
	// ErrPublicSuffix: the name is itself a public suffix (com.cn, gov.cn,
	// 公司.cn), which nobody can register.
	ErrPublicSuffix = errors.New("a public suffix, not a registrable domain")
)

// A DomainError reports a host that is not a fileable domain.
type DomainError struct {
	Func  string
	Input string
	Part  string
	Err   error
}

// Error implements the error interface, naming the function, input and part.
func (e *DomainError) Error() string {
	return fmt.Sprintf("domain.%s(%q): %s: %v", e.Func, e.Input, e.Part, e.Err)
}

// Unwrap returns the sentinel error.
func (e *DomainError) Unwrap() error { return e.Err }

func domErr(fn, in, part string, err error) error {
	return &DomainError{Func: fn, Input: norm.Clip(in, 80), Part: part, Err: err}
}

// RegistrableDomain returns the registrable domain (eTLD+1) of host in
// A-label form: the name that is filed. It trims surrounding space, folds
// case and width, maps U-labels and the ideographic full stop with
// idna.Lookup (例子。中国 and 例子.中国 agree), drops one trailing dot, and
// refuses IP literals, ports, empty labels and public suffixes.
//
// Only ICANN rules of the public suffix list count: a private suffix such as
// github.io is a hosting platform's boundary, not a filing one, so
// foo.github.io gives github.io.
func RegistrableDomain(host string) (string, error) {
	_, reg, _, err := splitHost("RegistrableDomain", host)
	return reg, err
}

// splitHost normalises host with [toASCIIHost] and returns it with its
// registrable domain and ICANN public suffix, all in A-label form.
func splitHost(fn, host string) (a, reg, suffix string, err error) {
	if a, err = toASCIIHost(fn, host); err != nil {
		return "", "", "", err
	}
	suffix = icannSuffix(a)
	if suffix == a {
		return "", "", "", domErr(fn, host, "public suffix "+suffix, ErrPublicSuffix)
	}
	rest := a[:len(a)-len(suffix)-1]
	return a, rest[strings.LastIndexByte(rest, '.')+1:] + "." + suffix, suffix, nil
}

// Name is a host split into the parts a filing cares about, each in
// lower-case A-label form: the host itself, the registrable domain that is
// filed, and its ICANN public suffix.
type Name struct {
	Host        string // www.example.com.cn
	Registrable string // example.com.cn
	Suffix      string // com.cn
}

// Parse splits host (A-labels or U-labels, any case) into a [Name]. Errors
// are [*DomainError] values, as from [RegistrableDomain].
func Parse(host string) (Name, error) {
	a, reg, suffix, err := splitHost("Parse", host)
	if err != nil {
		return Name{}, err
	}
	return Name{Host: a, Registrable: reg, Suffix: suffix}, nil
}

// GovSubdomain reports whether n is a sub-domain of a registrable domain
// under gov.cn, which is filed through its parent (see [GovSubdomain]).
func (n Name) GovSubdomain() bool { return govSub(n.Host, n.Registrable) }

// govSub reports whether the A-label host a, whose registrable domain is
// reg, is a sub-domain under gov.cn.
func govSub(a, reg string) bool {
	return a != reg && strings.HasSuffix(reg, ".gov.cn")
}

// PublicSuffixOf returns the ICANN public suffix of host in A-label form
// (com.cn for www.example.com.cn).
func PublicSuffixOf(host string) (string, error) {
	a, err := toASCIIHost("PublicSuffixOf", host)
	if err != nil {
		return "", err
	}
	return icannSuffix(a), nil
}

// icannSuffix returns the longest ICANN public suffix of an A-label host;
// for a TLD not on the list, the TLD itself.
//
// x/net's icann result describes the deepest list entry its search walked,
// not the rule that matched: for jelastic.vps-host.net it answers for the
// private entries below. So the suffix x/net finds is checked on its own
// ([icannRule]); a private one is dropped and the search goes on above it.
func icannSuffix(a string) string {
	for s := a; ; {
		ps, _ := publicsuffix.PublicSuffix(s)
		if icannRule(ps) {
			return ps
		}
		i := strings.IndexByte(ps, '.')
		if i < 0 {
			return ps // unlisted TLD: the default rule
		}
		s = ps[i+1:] // above the private rule
	}
}

// probeLabel is a label no list rule names, used to reach a wildcard rule.
const probeLabel = "icpkit-probe"

// icannRule reports whether the public suffix ps comes from a rule in the
// ICANN section. Asked for ps itself, x/net's search ends at ps's own
// entry, so its flag describes that entry. A suffix that is only the parent
// of an exception (yokohama.jp under !city.yokohama.jp) is not itself a
// suffix; its rule is the wildcard above the exception, reached with a
// probe label.
func icannRule(ps string) bool {
	if q, icann := publicsuffix.PublicSuffix(ps); q == ps {
		return icann
	}
	probe := probeLabel + "." + ps
	q, icann := publicsuffix.PublicSuffix(probe)
	return q == probe && icann
}

// toASCIIHost normalises a host to lower-case A-labels and checks its
// syntax. ASCII input takes a fast path that skips IDNA mapping.
func toASCIIHost(fn, host string) (string, error) {
	h := norm.TrimSpace(host)
	if len(h) > 1024 {
		return "", domErr(fn, host, "length", ErrHost)
	}
	if h == "" {
		return "", domErr(fn, host, "empty", ErrHost)
	}
	if !utf8.ValidString(h) || strings.ContainsRune(h, utf8.RuneError) {
		return "", domErr(fn, host, "invalid UTF-8", ErrHost)
	}
	if strings.HasPrefix(h, "[") || strings.Count(h, ":") > 1 {
		return "", domErr(fn, host, "IP literal", ErrIPHost)
	}
	if strings.ContainsRune(h, ':') {
		return "", domErr(fn, host, "port", ErrHost)
	}
	var a string
	if norm.IsASCII(h) && !strings.Contains(strings.ToLower(h), "xn--") {
		a = strings.ToLower(h)
	} else {
		// Case-fold first: IDNA checks an A-label only in lower case, so
		// Xn--zzzz.com would pass where xn--zzzz.com is refused.
		if norm.IsASCII(h) {
			h = strings.ToLower(h)
		}
		var err error
		a, err = idna.Lookup.ToASCII(h)
		if err != nil {
			return "", domErr(fn, host, "IDNA", ErrHost)
		}
	}
	a = strings.TrimSuffix(a, ".")
	if _, err := netip.ParseAddr(a); err == nil {
		return "", domErr(fn, host, "IP address", ErrIPHost)
	}
	if len(a) > 253 {
		return "", domErr(fn, host, "length", ErrHost)
	}
	start := 0
	for i := 0; i <= len(a); i++ {
		if i < len(a) && a[i] != '.' {
			c := a[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return "", domErr(fn, host, fmt.Sprintf("character %q", c), ErrHost)
			}
			continue
		}
		l := a[start:i]
		switch {
		case l == "":
			return "", domErr(fn, host, "empty label", ErrHost)
		case len(l) > 63:
			return "", domErr(fn, host, "label longer than 63", ErrHost)
		case l[0] == '-' || l[len(l)-1] == '-':
			return "", domErr(fn, host, "label starts or ends with '-'", ErrHost)
		}
		start = i + 1
	}
	if !strings.Contains(a, ".") {
		return a, nil // a bare TLD: the caller sees it as a public suffix
	}
	// An all-numeric last label is an IP-like name (1.2.3.4.5).
	if tld := a[strings.LastIndexByte(a, '.')+1:]; norm.Digits(tld) {
		return "", domErr(fn, host, "numeric top-level label", ErrHost)
	}
	return a, nil
}

// HostFromURL returns the host of a pasted URL ("https://www.example.com/a"
// → "www.example.com"), also when the scheme is missing. The host is not
// normalised: pass it to [RegistrableDomain].
func HostFromURL(s string) (string, error) {
	s = norm.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "//"):
		s = "http:" + s // scheme-relative
	case !hasScheme(s):
		// A pasted host and path; a "://" later on (a query parameter
		// holding a URL) is not a scheme.
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", domErr("HostFromURL", s, "URL", ErrHost)
	}
	return u.Hostname(), nil
}

// Display returns the U-label form of an A-label domain for display
// (xn--fsqu00a.xn--fiqs8s → 例子.中国). Invalid input is returned unchanged.
func Display(a string) string {
	u, err := idna.Display.ToUnicode(a)
	if err != nil {
		return a
	}
	return u
}

// Covers reports whether a filing of the registrable domain filed covers
// host: host is filed itself or one of its sub-domains. A sub-domain under
// gov.cn is not covered: a government body's gov.cn sub-domains need their
// own filing (TC-domain, HW-domain doc_0005); see [GovSubdomain].
func Covers(filed, host string) bool {
	f, err := RegistrableDomain(filed)
	if err != nil {
		return false
	}
	h, reg, _, err := splitHost("Covers", host)
	switch {
	case err != nil:
		return false
	case h == f:
		return true
	case !strings.HasSuffix(h, "."+f):
		return false
	}
	return !govSub(h, reg)
}

// GovSubdomain reports whether host is a sub-domain of a registrable gov.cn
// domain (a.example.gov.cn), which needs a filing of its own.
func GovSubdomain(host string) bool {
	h, reg, _, err := splitHost("GovSubdomain", host)
	return err == nil && govSub(h, reg)
}

// hasScheme reports whether s starts with "scheme://" (RFC 3986: a letter,
// then letters, digits, '+', '-' or '.').
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.HasPrefix(s[i:], "://")
		default:
			return false
		}
	}
	return false
}

// latinLookalikes are Cyrillic and Greek letters that render like Latin
// ones in common fonts (Unicode's confusables data, restricted to the
// letters that make whole Latin-looking words).
const latinLookalikes = "аеорсухіјѕԁԛԝһӏүвнкмтαεοριυνκτχ"

// Confusable reports whether host, read as a person sees it, could pass for
// another name written in Latin letters: a label that mixes Latin letters
// with Cyrillic or Greek ones, or that is written only in Cyrillic or Greek
// letters that look Latin (аррӏе.com for apple.com). It is a warning sign,
// not a rule: such names are registrable, but a reviewer or customer may be
// misled. Han, kana and hangul mix with Latin letters freely and are not
// flagged. Host may be in A-label or U-label form.
func Confusable(host string) bool {
	if norm.IsASCII(host) && !strings.Contains(strings.ToLower(host), "xn--") {
		return false // Latin letters only: nothing to confuse them with
	}
	a, err := toASCIIHost("Confusable", host)
	if err != nil {
		return false
	}
	u := Display(a)
	for _, label := range strings.Split(u, ".") {
		var latin, other, lookalike, letters int
		for _, r := range label {
			switch {
			case r < utf8.RuneSelf:
				if r >= 'a' && r <= 'z' {
					latin++
					letters++
				}
			case unicode.Is(unicode.Cyrillic, r) || unicode.Is(unicode.Greek, r):
				other++
				letters++
				if strings.ContainsRune(latinLookalikes, r) {
					lookalike++
				}
			}
		}
		if latin > 0 && other > 0 || other > 0 && lookalike == letters {
			return true
		}
	}
	return false
}
