package refile

import (
	"bytes"
	"encoding/json"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/subject"
)

func roundtrip(t testing.TB, d Deployment) Deployment {
	t.Helper()
	b, err := json.Marshal(d)
	require.NoError(t, err)
	got, err := DecodeDeployment(bytes.NewReader(b))
	require.NoError(t, err, "%s", b)
	return got
}

// sampleDeployments are the deployments of the tests and examples, with an
// individual subject and an IPv4-mapped IPv6 address among them.
func sampleDeployments() map[string]Deployment {
	individual := deployment(2)
	individual.Subject.Kind, individual.Subject.Name = subject.Individual, "张三"
	individual.Subject.Certificate = individual.Subject.Owner.Document
	mapped := deployment(3)
	mapped.Sites[1].Access = append(mapped.Sites[1].Access, icp.Access{Provider: "tencent",
		IPs: []netip.Addr{netip.MustParseAddr("::ffff:42.192.1.1"), netip.MustParseAddr("240e::1")}})
	mapped.Sites[2].Number = icp.Number{}
	mapped.Sites[2].DomainHolder, mapped.Sites[2].Commercial = "杭州示例网络科技有限公司", true
	return map[string]Deployment{"empty": deployment(0), "one site": deployment(1), "ten sites": deployment(10),
		"individual": individual, "several providers": mapped}
}

// TestDeploymentRoundTrip: decode(encode(d)) == d, and a plan from a
// deployment to its stored copy requires nothing (issue 14: a masked
// credit code used to read back as another legal entity).
func TestDeploymentRoundTrip(t *testing.T) {
	for name, d := range sampleDeployments() {
		t.Run(name, func(t *testing.T) {
			got := roundtrip(t, d)
			assert.Equal(t, d, got)
			p := Plan(d, got)
			assert.False(t, p.Required(), "%+v", p.Actions)
			assert.Empty(t, p.Actions)
		})
	}
}

// FuzzDeploymentRoundTrip: whatever DecodeDeployment accepts reads back
// unchanged after json.Marshal, and plans to itself with nothing required.
func FuzzDeploymentRoundTrip(f *testing.F) {
	for _, d := range sampleDeployments() {
		b, _ := json.Marshal(d)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := DecodeDeployment(bytes.NewReader(in))
		if err != nil {
			return
		}
		b, err := json.Marshal(d)
		if err != nil {
			return
		}
		again, err := DecodeDeployment(bytes.NewReader(b))
		require.NoError(t, err)
		require.Equal(t, d, again)
		if len(d.Sites) <= 20 {
			require.False(t, Plan(d, again).Required())
		}
	})
}
