package icp

import (
	"bytes"
	"encoding"
	"encoding/json"
	"net/netip"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/subject"
)

// fullApp sets every field of an application, so that a round trip that
// drops or masks any of them shows.
func fullApp() Application {
	a := enterpriseApp()
	a.Subject.Number = MustParseNumber("浙ICP备2021000001号")
	a.Subject.LicenceName = "杭州示例网络科技有限公司"
	a.Subject.BusinessScope = "网络技术开发"
	a.Subject.ExistingServices = 2
	a.Subject.Investor = "杭州示例集团有限公司"
	a.Subject.Landline = "0571-88888888"
	a.Subject.Remark = "备注"
	a.Subject.Certificate.ValidUntil = subject.Date{Year: 2040, Month: 12, Day: 31}
	a.Subject.Owner.Document.ValidUntil = subject.Date{Year: 2035, Month: 3, Day: 7}
	a.Sites[0].Number, _ = a.Subject.Number.WithIndex(1, Website)
	a.Sites[0].App = &AppInfo{PackageName: "com.example.app", BundleID: "com.example.app", Platforms: []string{"android", "ios"},
		AndroidMD5: strings.Repeat("ab", 16), IOSSHA1: strings.Repeat("cd", 20)}
	a.Sites[0].Approvals = []Approval{{Category: "news", Document: "许可证 123"}}
	a.Sites[0].NotInvolved, a.Sites[0].Commercial, a.Sites[0].Remark = true, true, "站点备注"
	a.Sites[1].Access.IPs = []netip.Addr{netip.MustParseAddr("240e::1"), netip.MustParseAddr("::ffff:121.40.10.10")}
	a.Resource.Region = "mainland"
	a.Materials = append(a.Materials, MaterialRef{Kind: material.AuthorizationLetter, Path: "/uploads/letter.pdf", For: "sites[0].manager",
		IssuedOn: subject.Date{Year: 2026, Month: 11, Day: 1}})
	a.Remark = "申请备注"
	return a
}

// TestApplicationRoundTrip: decode(encode(x)) == x for applications,
// personal data included in full (issue 14).
func TestApplicationRoundTrip(t *testing.T) {
	for name, a := range map[string]Application{"enterprise": enterpriseApp(), "individual": individualApp(), "every field": fullApp()} {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(a)
			require.NoError(t, err)
			got, err := DecodeApplication(bytes.NewReader(b))
			require.NoError(t, err, "%s", b)
			assert.Equal(t, a, got)
			assert.Contains(t, string(b), a.Subject.Owner.Document.Number.Reveal(), "the ID is stored in full")
		})
	}
}

// TestEnumRoundTrip: every enum of package icp reads back what it writes,
// and refuses an unknown token.
func TestEnumRoundTrip(t *testing.T) {
	type enum interface {
		encoding.TextMarshaler
	}
	check := func(t *testing.T, v enum, into encoding.TextUnmarshaler) {
		t.Helper()
		b, err := v.MarshalText()
		require.NoError(t, err)
		require.NoError(t, into.UnmarshalText(b))
		assert.Equal(t, v, deref(into))
		assert.Error(t, into.UnmarshalText([]byte("no_such_token")))
	}
	for ft := FirstFiling; ft <= numFilingTypes; ft++ {
		check(t, ft, new(FilingType))
	}
	for st := ServiceWebsite; st <= ServiceQuickApp; st++ {
		check(t, st, new(ServiceType))
	}
	for _, s := range []Severity{SeverityInfo, SeverityWarning, SeverityError} {
		check(t, s, new(Severity))
	}
	for _, v := range []Verifier{VerifierOwner, VerifierManager} {
		check(t, v, new(Verifier))
	}
	for _, n := range []string{"浙ICP备2021000001号", "浙ICP备2021000001号-3", "京ICP备12345678号-1A"} {
		num, err := ParseNumber(n)
		if err != nil {
			continue
		}
		check(t, num, new(Number))
	}
}

func deref(u encoding.TextUnmarshaler) any {
	switch v := u.(type) {
	case *FilingType:
		return *v
	case *ServiceType:
		return *v
	case *Severity:
		return *v
	case *Verifier:
		return *v
	case *Number:
		return *v
	}
	return nil
}

// FuzzApplicationRoundTrip: whatever DecodeApplication accepts, it reads
// back unchanged after json.Marshal.
func FuzzApplicationRoundTrip(f *testing.F) {
	for _, a := range []Application{enterpriseApp(), individualApp(), fullApp()} {
		b, _ := json.Marshal(a)
		f.Add(b)
	}
	f.Add([]byte(`{"sites":[{"access":{"ips":["::ffff:1.2.3.4"]}}]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		a, err := DecodeApplication(bytes.NewReader(in))
		if err != nil {
			return
		}
		b, err := json.Marshal(a)
		if err != nil {
			return // zero enums cannot be written; nothing to compare
		}
		again, err := DecodeApplication(bytes.NewReader(b))
		require.NoError(t, err, "%s", b)
		require.Equal(t, a, again)
	})
}
