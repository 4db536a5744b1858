package audit

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// mixedPage is a page of about n bytes of the usual mix: inline scripts,
// paragraphs of text, navigation, and the footer at the end.
func mixedPage(n int) []byte {
	script := "<script>window.__STATE__ = {\"items\": [" + strings.Repeat(`{"id": 1, "title": "产品介绍", "url": "/p/1"}, `, 40) + "]};</script>\n"
	para := "<p>" + strings.Repeat("我们提供云计算、网站建设与运维服务，欢迎联系我们的客户经理。", 8) + "</p>\n"
	nav := `<ul class="nav"><li><a href="/a">首页</a></li><li><a href="/b">产品</a></li><li><a href="/c">关于</a></li></ul>` + "\n"
	var buf bytes.Buffer
	for buf.Len() < n {
		buf.WriteString(script)
		buf.WriteString(para)
		buf.WriteString(nav)
	}
	return []byte(page(buf.String() + goodFooter))
}

// densePage is the worst case for the tokenizer: four tags every 100 bytes.
func densePage(n int) []byte {
	body := `<div class="item"><a href="/p/1">产品介绍</a><p>我们提供云计算与网站建设服务，欢迎联系。</p></div>` + "\n"
	var buf bytes.Buffer
	for buf.Len() < n {
		buf.WriteString(body)
	}
	return []byte(page(buf.String() + goodFooter))
}

// pageShapes are the pages the audit's benchmarks measure.
var pageShapes = []struct {
	name string
	make func(int) []byte
}{{"mixed", mixedPage}, {"dense", densePage}}

// bareLoop is the floor: the x/net/html tokenizer run over the page with
// nothing done per token.
func bareLoop(p []byte) {
	z := html.NewTokenizer(bytes.NewReader(p))
	for z.Next() != html.ErrorToken {
	}
}

// BenchmarkAuditVsTokenizer runs the audit and the bare tokenizer loop
// side by side on mixed and dense pages of 10 KB to 2 MB: each iteration
// runs both on the same page, one after the other, timed by the CPU time
// of the benchmark's own OS thread (on Linux), so that the ratio (target:
// at most 1.3) holds however loaded the machine is. One-time set-up is
// left out by a run of each before the timed ones. It reports
// audit-ns/op, bare-ns/op, x-bare (the ratio of the sums) and
// x-bare-median (the median of each iteration's ratio); allocs/op counts
// both runs.
func BenchmarkAuditVsTokenizer(b *testing.B) {
	for _, shape := range pageShapes {
		for _, n := range []int{10_000, 100_000, 1_000_000, 2_000_000} {
			p := shape.make(n)
			b.Run(fmt.Sprintf("%s/%s", shape.name, size(n)), func(b *testing.B) {
				b.SetBytes(int64(len(p)))
				b.ReportAllocs()
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				// One untimed run of each first: the first audit in the
				// process builds the province tables once (milliseconds),
				// which 30 iterations of a 10 KB page would otherwise
				// count as a cost of every call.
				bareLoop(p)
				if _, err := AuditFooter(bytes.NewReader(p), auditWant, Limit(4<<20)); err != nil {
					b.Fatal(err)
				}
				var audit, bare time.Duration
				var ratios []float64
				for i := 0; b.Loop(); i++ {
					// Alternate the order so that neither run always gets
					// the warm cache.
					var ta, tb time.Duration
					for k := range 2 {
						t0 := threadCPU()
						if (i+k)%2 == 0 {
							bareLoop(p)
							tb = threadCPU() - t0
						} else {
							if _, err := AuditFooter(bytes.NewReader(p), auditWant, Limit(4<<20)); err != nil {
								b.Fatal(err)
							}
							ta = threadCPU() - t0
						}
					}
					audit, bare = audit+ta, bare+tb
					ratios = append(ratios, float64(ta)/float64(max(tb, 1)))
				}
				slices.Sort(ratios)
				b.ReportMetric(float64(audit.Nanoseconds())/float64(b.N), "audit-ns/op")
				b.ReportMetric(float64(bare.Nanoseconds())/float64(b.N), "bare-ns/op")
				b.ReportMetric(float64(audit)/float64(bare), "x-bare")
				// The median of each iteration's ratio: a virtual machine's
				// neighbours slow some iterations several times over, which
				// the sums above keep and the median does not.
				b.ReportMetric(ratios[len(ratios)/2], "x-bare-median")
			})
		}
	}
}

var start = time.Now()

// monotonic is the elapsed time since the package's tests started.
func monotonic() time.Duration { return time.Since(start) }

func size(n int) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("%dMB", n/1_000_000)
	}
	return fmt.Sprintf("%dKB", n/1000)
}

// icpRun is the page that took two minutes: one 2 MiB text node of
// "ICPICP…".
func icpRun() []byte {
	return []byte("<html><body><p>" + strings.Repeat("ICP", (2<<20)/3) + "</p></body></html>")
}

// BenchmarkAuditICPRun: the 2 MiB "ICPICP…" page (target under 50 ms).
func BenchmarkAuditICPRun(b *testing.B) {
	p := icpRun()
	b.SetBytes(int64(len(p)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := AuditFooter(bytes.NewReader(p), auditWant, Limit(4<<20)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAuditLinear bounds the work of adversarial 2 MiB pages generously:
// half a second of the test thread's CPU time (ten seconds under -race) (CLOCK_THREAD_CPUTIME_ID on
// Linux, not the wall clock, so a loaded machine does not fail it), where
// a quadratic scan takes minutes. The best of three runs counts.
func TestAuditLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("measures CPU time")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for name, p := range map[string][]byte{
		"ICPICP":   icpRun(),
		"ICP备ICP备": []byte(strings.Repeat("浙ICP备", (2<<20)/10)),
		"公网安备":     []byte(strings.Repeat("公网安备", (2<<20)/12)),
		"B2-B2-":   []byte(strings.Repeat("京B2-", (2<<20)/6)),
		"digits":   []byte("浙ICP备" + strings.Repeat("1 ", 1<<20)),
		"spaces":   []byte("浙ICP备2021047163号" + strings.Repeat(" ", 2<<20) + "-1"),
		"nesting":  []byte(strings.Repeat("<div hidden><span>", (2<<20)/18) + strings.Repeat("</b>", 1000)),
		"ends":     []byte(strings.Repeat("<div>", 1024) + strings.Repeat("</span>", (2<<20)/7)),
		"inline":   []byte(strings.Repeat("<b>浙</b>", (2<<20)/10)),
	} {
		best := time.Duration(1 << 62)
		for range 3 {
			t0 := threadCPU()
			_, err := AuditFooter(bytes.NewReader(p), auditWant, Limit(4<<20))
			require.NoError(t, err)
			best = min(best, threadCPU()-t0)
		}
		t.Logf("%s: %v of CPU per 2 MiB page", name, best)
		bound := 500 * time.Millisecond
		if raceBuild {
			bound *= 20 // still seconds where a quadratic scan takes minutes
		}
		assert.Less(t, best, bound, name)
	}
}

// TestAuditAllocs: beyond the tokenizer's own allocations, the audit
// allocates a constant amount, whatever the page's size or density: no
// attribute copies, no string per href or per text node.
func TestAuditAllocs(t *testing.T) {
	for _, p := range [][]byte{densePage(100_000), densePage(1_000_000), mixedPage(1_000_000)} {
		bare := testing.AllocsPerRun(3, func() { bareLoop(p) })
		audit := testing.AllocsPerRun(3, func() {
			if _, err := AuditFooter(bytes.NewReader(p), auditWant, Limit(4<<20)); err != nil {
				t.Fatal(err)
			}
		})
		t.Logf("%d bytes: audit %.0f allocs, bare tokenizer %.0f", len(p), audit, bare)
		assert.LessOrEqual(t, audit-bare, 64.0, "%d bytes", len(p))
	}
}
