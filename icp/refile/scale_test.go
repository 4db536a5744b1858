package refile

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/icp"
)

// moving returns a deployment of n sites, each hosted at p providers, and
// the same deployment with every site moved to p other providers: the
// plan's worst case, a new access and a cancelled access per provider and
// site.
func moving(n, p int) (before, after Deployment) {
	before = deployment(n)
	after = clone(before)
	for i := range n {
		before.Sites[i].Access = make([]icp.Access, p)
		after.Sites[i].Access = make([]icp.Access, p)
		for j := range p {
			ip := netip.AddrFrom4([4]byte{121, 40, byte(j), byte(i)})
			before.Sites[i].Access[j] = icp.Access{Provider: fmt.Sprintf("old%03d", j), IPs: []netip.Addr{ip}}
			after.Sites[i].Access[j] = icp.Access{Provider: fmt.Sprintf("new%03d", j), IPs: []netip.Addr{ip}}
		}
	}
	return before, after
}

// TestPlanLinear: doubling the sites doubles the plan, in actions and in
// JSON bytes (each action used to list every earlier one).
func TestPlanLinear(t *testing.T) {
	size := func(n int) (int, int) {
		b, a := moving(n, 10)
		res := Plan(b, a)
		require.True(t, res.Findings.OK(), "%v", res.Findings)
		out, err := json.Marshal(res)
		require.NoError(t, err)
		return len(res.Actions), len(out)
	}
	n1, b1 := size(50)
	n2, b2 := size(100)
	assert.Equal(t, 2*n1, n2)
	assert.InDelta(t, 2.0, float64(b2)/float64(b1), 0.1, "JSON bytes: %d for 50 sites, %d for 100", b1, b2)
}

// TestPlanMemory holds the largest plan, 1000 sites moving between 100
// providers each, to 100 MB of allocations (runtime.MemStats.TotalAlloc).
func TestPlanMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates about 90 MB")
	}
	before, after := moving(icp.MaxSites, icp.MaxProviders)
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	res := Plan(before, after)
	runtime.ReadMemStats(&m1)
	require.Len(t, res.Actions, 2*icp.MaxSites*icp.MaxProviders)
	alloc := m1.TotalAlloc - m0.TotalAlloc
	t.Logf("%d actions, %.1f MB allocated", len(res.Actions), float64(alloc)/1e6)
	assert.Less(t, alloc, uint64(100e6))
}

// BenchmarkPlanMoving300x30 is the size of issue 14's report (2.5 GB and
// a 403 MB plan before WaitsFor).
func BenchmarkPlanMoving300x30(b *testing.B) {
	before, after := moving(300, 30)
	b.ReportAllocs()
	var res Result
	for b.Loop() {
		res = Plan(before, after)
	}
	out, err := json.Marshal(res)
	require.NoError(b, err)
	b.ReportMetric(float64(len(out))/1e6, "json-MB")
}

// BenchmarkPlanMoving1000x100 moves 1000 sites, each at 100 providers, to
// 100 other providers: 200,000 actions. The floor is building the before
// and after deployments' keys alone (BenchmarkPlanMoving1000x100/floor).
func BenchmarkPlanMoving1000x100(b *testing.B) {
	before, after := moving(icp.MaxSites, icp.MaxProviders)
	b.Run("plan", func(b *testing.B) {
		b.ReportAllocs()
		var res Result
		for b.Loop() {
			res = Plan(before, after)
			if len(res.Actions) != 2*icp.MaxSites*icp.MaxProviders {
				b.Fatalf("%d actions", len(res.Actions))
			}
		}
		out, err := json.Marshal(res)
		require.NoError(b, err)
		b.ReportMetric(float64(len(out))/1e6, "json-MB")
	})
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = make([]Action, 2*icp.MaxSites*icp.MaxProviders)
		}
	})
}

// TestPlanFarYear: icp.At in a year no calendar has is a finding, not
// rules picked from a wrapped day number.
func TestPlanFarYear(t *testing.T) {
	d := deployment(1)
	res := Plan(d, d, icp.At(time.Date(11_000_000, 1, 1, 0, 0, 0, 0, time.UTC)))
	assert.False(t, res.Findings.OK())
	assert.True(t, res.Findings.Has("plan.invalid"))
}
