package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/examples/panel/internal/checkapi"
)

// wasmDir holds the wasm check the browser tests build once.
var wasmDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if wasmDir != "" {
		os.RemoveAll(wasmDir)
	}
	os.Exit(code)
}

// builtWasm builds the wasm check once for all browser tests.
var builtWasm = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "icpkit-panel-test-")
	if err != nil {
		return "", err
	}
	wasmDir = dir
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "check.wasm")
	return out, buildWasm(ctx, out)
})

// browser starts the panel with its wasm check on loopback and a headless
// Chromium driven by chromedp. Without Chromium (Debian's chromium package,
// which .ci/run installs) the test is skipped.
func browser(t *testing.T) (context.Context, string) {
	t.Helper()
	return browserWith(t, true)
}

func browserWith(t *testing.T, withWasm bool) (context.Context, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("no Chromium: install Debian's chromium package (apt-get install chromium) to run this test")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	s, err := newServer()
	require.NoError(t, err)
	if withWasm {
		wasm, err := builtWasm()
		require.NoError(t, err)
		s.setWasm(wasm)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)

	actx, acancel := chromedp.NewExecAllocator(ctx, chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true), chromedp.WindowSize(1280, 800))
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	require.NoError(t, chromedp.Do(bctx, chromedp.Navigate("about:blank")), "start Chromium")
	return bctx, srv.URL
}

// js runs an expression and decodes its value.
func js[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	require.NoError(t, err, expr)
	return v
}

func jsq(v any) string { b, _ := json.Marshal(v); return string(b) }

// waitFor polls a JavaScript condition. A poll started while the page
// was still loading can lose its execution context ("Cannot find context
// with specified id"); it is started again then, a few times.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	var err error
	for range 5 {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(20*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
		if err == nil || !strings.Contains(err.Error(), "Cannot find context") {
			break
		}
	}
	require.NoError(t, err, "waiting for %s", cond)
}

// fill sets a field the way typing does: its value, then an input event.
func fill(t *testing.T, ctx context.Context, path string, v any) {
	t.Helper()
	ok := js[bool](t, ctx, fmt.Sprintf(`(() => { const el = document.querySelector(%s); if (!el) return false;
		if (el.type === "checkbox") el.checked = %s; else el.value = %s;
		el.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`, jsq(`[data-path="`+path+`"]`), jsq(v == true), jsq(fmt.Sprint(v))))
	require.True(t, ok, "no field %s", path)
}

func shot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644))
}

func step(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	js[bool](t, ctx, fmt.Sprintf(`(location.hash = %s, true)`, jsq(name)))
	waitFor(t, ctx, fmt.Sprintf(`!document.getElementById(%s).hidden`, jsq(name)))
}

// layoutProblems lists what overflows the viewport and the visible controls
// without a label.
const layoutProblems = `(() => {
  const out = [];
  const de = document.documentElement;
  if (de.scrollWidth > de.clientWidth + 1) out.push("page overflows: " + de.scrollWidth + " > " + de.clientWidth);
  for (const el of document.querySelectorAll("input, select, textarea, button")) {
    if (el.offsetParent === null) continue;
    const r = el.getBoundingClientRect();
    if (r.right > de.clientWidth + 1) out.push("overflows: " + (el.id || el.outerHTML.slice(0, 60)));
    const named = el.tagName === "BUTTON" ? el.textContent.trim() !== "" :
      (el.labels && el.labels.length > 0) || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    if (!named) out.push("no label: " + (el.id || el.outerHTML.slice(0, 60)));
  }
  return out;
})()`

// axeSource returns axe-core's axe.min.js: from $ICPKIT_AXE_CORE, or packed
// from the npm registry with npm into a temporary folder.
func axeSource(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("ICPKIT_AXE_CORE"); p != "" {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		return string(b)
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return ""
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, npm, "pack", "axe-core@4.14.1", "--silent", "--pack-destination", dir)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "npm_config_cache="+filepath.Join(dir, "cache"), "npm_config_update_notifier=false")
	out, err := cmd.Output()
	if err != nil {
		t.Logf("npm pack axe-core: %v", err)
		return ""
	}
	tgz := filepath.Join(dir, strings.TrimSpace(string(out)))
	f, err := os.Open(tgz)
	if err != nil {
		t.Logf("npm pack axe-core: %v", err)
		return ""
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err != nil {
			break
		}
		if h.Name == "package/axe.min.js" {
			b, err := io.ReadAll(tr)
			require.NoError(t, err)
			return string(b)
		}
	}
	return ""
}

// runAxe checks the page with axe-core (WCAG 2 A and AA rules) and returns
// the violations.
func runAxe(t *testing.T, ctx context.Context, src string) []string {
	t.Helper()
	if !js[bool](t, ctx, `typeof axe === "object"`) {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](src+";true"))
		require.NoError(t, err)
	}
	r := js[struct {
		Violations []string
		Passes     int
		Version    string
	}](t, ctx, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa"]}}).then(r => ({
		violations: r.violations.map(v => v.id + " (" + v.impact + "): " + v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", ")),
		passes: r.passes.length, version: axe.version}))`)
	require.Positive(t, r.Passes, "axe-core %s ran no rule", r.Version)
	return r.Violations
}

// pngWithDPI returns a colour PNG of w×h pixels that records dpi in a pHYs
// chunk.
func pngWithDPI(t *testing.T, w, h, dpi int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		x, y := (i/4)%w, (i/4)/w
		copy(img.Pix[i:], []byte{uint8(x), uint8(y), 160, 255})
	}
	var buf bytes.Buffer
	require.NoError(t, (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img))
	b := buf.Bytes()
	ppm := uint32(float64(dpi)/0.0254 + 0.5)
	chunk := make([]byte, 0, 21)
	chunk = binary.BigEndian.AppendUint32(chunk, 9)
	chunk = append(chunk, "pHYs"...)
	chunk = binary.BigEndian.AppendUint32(chunk, ppm)
	chunk = binary.BigEndian.AppendUint32(chunk, ppm)
	chunk = append(chunk, 1)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	ihdrEnd := 8 + 8 + 13 + 4
	return append(append(append([]byte{}, b[:ihdrEnd]...), chunk...), b[ihdrEnd:]...)
}

// TestWizardInChromium drives the wizard end to end in headless Chromium at
// a desktop and a phone viewport: it fills every step, sees a finding
// appear while a field is typed and go away when it is right, uploads a good
// and a bad image, switches language, submits and reads the report. Each
// step is screenshot into the test's temporary folder and checked for
// overflow, labels and, with axe-core, accessibility.
func TestWizardInChromium(t *testing.T) {
	ctx, base := browser(t)
	axe := axeSource(t)
	if axe == "" {
		t.Log("axe-core unavailable (no npm or no registry; set ICPKIT_AXE_CORE to axe.min.js): the accessibility check is skipped")
	}
	dir := t.TempDir()
	if d := os.Getenv("ICPKIT_PANEL_SCREENSHOTS"); d != "" {
		dir = d // kept after the test
	}
	good := filepath.Join(dir, "id-front-good.png")
	require.NoError(t, os.WriteFile(good, pngWithDPI(t, 1100, 700, 300), 0o644))
	// A JPEG of Go's image test corpus with a ZIP appended: a polyglot.
	corpus, err := os.ReadFile(filepath.Join(goroot(t), "src", "image", "testdata", "video-001.jpeg"))
	require.NoError(t, err)
	bad := filepath.Join(dir, "id-back-bad.jpg")
	require.NoError(t, os.WriteFile(bad, append(corpus, []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00hidden.txt")...), 0o644))

	// The wasm load is timed at each viewport; the first is cold (the
	// browser compiles the module), the second may use its code cache. A
	// busy CI machine can slow the cold one, so the bound holds for the
	// better of the two, and both are logged.
	var wasmLoads []float64
	defer func() {
		if len(wasmLoads) > 0 {
			assert.Less(t, slices.Min(wasmLoads), 2000.0, "wasm load from loopback: %v ms", wasmLoads)
		}
	}()
	for _, vp := range []struct {
		name string
		w, h int64
	}{{"desktop", 1280, 800}, {"phone", 390, 844}} {
		t.Run(vp.name, func(t *testing.T) {
			shots := filepath.Join(dir, vp.name)
			require.NoError(t, os.MkdirAll(shots, 0o755))
			require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(vp.w, vp.h)))
			start := time.Now()
			require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/?lang=zh-Hans&clear="+vp.name)))
			js[bool](t, ctx, `(localStorage.clear(), true)`)
			require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/?lang=zh-Hans&run="+vp.name+"#subject")))
			waitFor(t, ctx, `window.icpkitPanel && window.icpkitPanel.ready`)
			wall := time.Since(start)
			assert.Equal(t, "wasm", js[string](t, ctx, `icpkitPanel.mode`), "the check runs in the page")
			perf := js[map[string]float64](t, ctx, `icpkitPanel.perf`)
			t.Logf("%s: page load %.0f ms, wasm fetch+compile+start %.0f ms, ready after %v", vp.name, perf["pageLoadMs"], perf["wasmLoadMs"], wall.Round(time.Millisecond))
			assert.Less(t, perf["pageLoadMs"], 2000.0, "page load from loopback")
			wasmLoads = append(wasmLoads, perf["wasmLoadMs"])

			audit := func(stepName string) {
				t.Helper()
				assert.Empty(t, js[[]string](t, ctx, layoutProblems), "%s %s", vp.name, stepName)
				if axe != "" {
					assert.Empty(t, runAxe(t, ctx, axe), "axe-core, %s %s", vp.name, stepName)
				}
				shot(t, ctx, shots, stepName)
			}

			// 1. Subject.
			fill(t, ctx, "filing_type", "first_filing")
			fill(t, ctx, "province", "浙江")
			fill(t, ctx, "subject.kind", "enterprise")
			waitFor(t, ctx, `document.querySelectorAll("#rules-list li").length > 0`)
			fill(t, ctx, "subject.certificate.type", "business_license")
			fill(t, ctx, "subject.certificate.number", "91330106MA2H0K3L70")
			fill(t, ctx, "subject.name", "杭州示例网络科技有限公司")
			fill(t, ctx, "subject.address", "浙江省杭州市西湖区文三路100号5幢301室")
			audit("1-subject")

			// 2. People: a finding appears while the mobile is typed, and
			// goes when the number is complete.
			step(t, ctx, "people")
			fill(t, ctx, "subject.owner.name", "张三")
			fill(t, ctx, "subject.owner.document.type", "resident_id")
			fill(t, ctx, "subject.owner.document.number", "330106198503071238")
			require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#f-subject-owner-mobile"), "1380013800")))
			msg := `((document.querySelector("#f-subject-owner-mobile").closest(".field").querySelector(".field-msg") || {}).textContent || "")`
			waitFor(t, ctx, msg+`.includes("手机号码无效")`)
			shot(t, ctx, shots, "2-people-typing")
			require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#f-subject-owner-mobile"), "0")))
			waitFor(t, ctx, `!(`+msg+`).includes("手机号码无效")`)
			fill(t, ctx, "subject.owner.emergency_phone", "13900139000")
			fill(t, ctx, "subject.owner.email", "admin@example.com")
			fill(t, ctx, "subject.owner.legal_representative", true)
			audit("2-people")

			// 3. Sites.
			step(t, ctx, "sites")
			fill(t, ctx, "sites[0].name", "示例网络科技官网")
			fill(t, ctx, "sites[0].domains", "example.com")
			fill(t, ctx, "sites[0].content", "portal")
			fill(t, ctx, "sites[0].domain_holder", "杭州示例网络科技有限公司")
			fill(t, ctx, "sites[0].domain_expires", "2028-01-01")
			fill(t, ctx, "sites[0].access.provider", "aliyun")
			fill(t, ctx, "sites[0].access.ips", "10.0.0.1")
			ipMsg := `((document.querySelector("#f-sites-0-access-ips").closest(".field").querySelector(".field-msg") || {}).textContent || "")`
			waitFor(t, ctx, ipMsg+`.includes("不是公网 IP")`)
			fill(t, ctx, "sites[0].access.ips", "121.40.10.10")
			waitFor(t, ctx, `!(`+ipMsg+`).includes("不是公网 IP")`)
			fill(t, ctx, "resource.product", "ecs")
			fill(t, ctx, "resource.billing", "subscription")
			fill(t, ctx, "resource.months", "12")
			audit("3-sites")

			// 4. Materials: a good and a bad image, inspected on the server.
			step(t, ctx, "materials")
			front := `input[data-kind="id_card_front"][data-for="subject.owner"]`
			back := `input[data-kind="id_card_back"][data-for="subject.owner"]`
			waitFor(t, ctx, fmt.Sprintf(`!!document.querySelector(%s)`, jsq(back)))
			require.NoError(t, chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(front), []string{good})))
			require.NoError(t, chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(back), []string{bad})))
			result := func(sel string) string {
				return fmt.Sprintf(`(document.getElementById(document.querySelector(%s).id + "-result").textContent || "")`, jsq(sel))
			}
			waitFor(t, ctx, result(front)+`.includes("300 dpi")`)
			waitFor(t, ctx, result(back)+`.includes("附加数据")`)
			goodText := js[string](t, ctx, result(front))
			badText := js[string](t, ctx, result(back))
			assert.Contains(t, goodText, "PNG，1100×700 像素")
			assert.Contains(t, goodText, "没有发现问题")
			assert.Contains(t, badText, "JPEG")
			assert.Contains(t, badText, "zip")
			assert.Contains(t, badText, "错误")
			audit("4-materials")

			// Language switch: the page reloads in English and keeps
			// every value.
			loaded := chromedp.Events(ctx, cdppage.LoadEventFired)
			require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#lang-switch"))))
			for _, err := range loaded {
				require.NoError(t, err)
				break
			}
			waitFor(t, ctx, `document.documentElement.lang === "en" && window.icpkitPanel && window.icpkitPanel.ready`)
			assert.Equal(t, "杭州示例网络科技有限公司", js[string](t, ctx, `document.querySelector('[data-path="subject.name"]').value`))
			assert.Equal(t, "13800138000", js[string](t, ctx, `document.querySelector('[data-path="subject.owner.mobile"]').value`))
			waitFor(t, ctx, result(back)+`.includes("appended")`) // the upload's findings, again in English

			// 5. Review and submit.
			step(t, ctx, "review")
			waitFor(t, ctx, `document.querySelectorAll('.step-findings[data-section="all"] li').length > 0`)
			require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#submit"))))
			waitFor(t, ctx, `!document.getElementById("report").hidden`)
			summary := js[string](t, ctx, `document.getElementById("report-summary").textContent`)
			assert.Regexp(t, `errors and \d+ warnings`, summary, "the bad image is an error")
			sections := js[[]string](t, ctx, `Array.from(document.querySelectorAll(".report-section")).map(u => u.dataset.section)`)
			assert.Contains(t, sections, "materials")
			report := js[string](t, ctx, `document.getElementById("report-sections").textContent`)
			assert.Contains(t, report, "bytes follow the end of the image", "the server inspected the bad upload again")
			assert.Contains(t, js[string](t, ctx, `document.getElementById("footer-code").value`), "https://beian.miit.gov.cn/")
			assert.NotEmpty(t, js[string](t, ctx, `document.getElementById("footer-note").textContent`), "an example number is marked")
			audit("5-review")

			// A failed submit says what is wrong and keeps what was typed;
			// so does a reload.
			fill(t, ctx, "sites[0].access.ips", "121.40.10.300")
			require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#submit"))))
			waitFor(t, ctx, `document.getElementById("submit-error").textContent.includes("sites[0].access.ips[0]")`)
			shot(t, ctx, shots, "6-failed-submit")
			require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/?lang=en&reload="+vp.name+"#sites")))
			waitFor(t, ctx, `window.icpkitPanel && window.icpkitPanel.ready`)
			assert.Equal(t, "121.40.10.300", js[string](t, ctx, `document.querySelector('[data-path="sites[0].access.ips"]').value`))
			assert.Equal(t, "13800138000", js[string](t, ctx, `document.querySelector('[data-path="subject.owner.mobile"]').value`))
		})
	}
	t.Logf("screenshots in %s", dir)
}

// TestWizardWithoutWasm: a server without the wasm file still checks as
// the customer types, through /api/check, and the page says so.
func TestWizardWithoutWasm(t *testing.T) {
	ctx, base := browserWith(t, false)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/?lang=en#people")))
	js[bool](t, ctx, `(localStorage.clear(), true)`)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/?lang=en&fresh=1#people")))
	waitFor(t, ctx, `window.icpkitPanel && window.icpkitPanel.ready`)
	assert.Equal(t, "server", js[string](t, ctx, `icpkitPanel.mode`))
	assert.Contains(t, js[string](t, ctx, `document.getElementById("mode").textContent`), "the server checks instead")
	fill(t, ctx, "province", "北京")
	require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#f-subject-owner-email"), "admin@")))
	waitFor(t, ctx, `((document.querySelector("#f-subject-owner-email").closest(".field").querySelector(".field-msg") || {}).textContent || "").includes("e-mail")`)
	assert.Contains(t, js[string](t, ctx, `document.getElementById("check-time").textContent`), "server")
}

// TestBrowserAndServerAgree runs the wasm check in Chromium and the
// server's check on every sample, and wants the same findings byte for
// byte; it also times a check in the browser.
func TestBrowserAndServerAgree(t *testing.T) {
	ctx, base := browser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/")))
	waitFor(t, ctx, `window.icpkitPanel && window.icpkitPanel.ready`)
	require.Equal(t, "wasm", js[string](t, ctx, `icpkitPanel.mode`))
	for name, doc := range samples(t) {
		for _, lang := range []string{"zh-Hans", "en"} {
			opts := jsq(checkapi.Options{Lang: lang, At: "2026-11-26", Profile: "alibaba"})
			want := string(checkapi.Check([]byte(doc), []byte(opts)))
			got := js[string](t, ctx, fmt.Sprintf(`icpkitCheck(%s, %s)`, jsq(doc), jsq(opts)))
			assert.Equal(t, want, got, "%s, %s", name, lang)
			viaServer := js[string](t, ctx, fmt.Sprintf(`fetch("/api/check", {method: "POST", body: JSON.stringify({application: %s, options: %s})}).then(r => r.text())`,
				validOr(doc), opts))
			if json.Valid([]byte(doc)) {
				assert.JSONEq(t, want, viaServer, "%s, %s via /api/check", name, lang)
			}
		}
	}
	sample := samples(t)["examples/precheck/sample.json"]
	ms := js[float64](t, ctx, fmt.Sprintf(`(() => { const a = %s, o = %s; icpkitCheck(a, o);
		const t0 = performance.now(); for (let i = 0; i < 50; i++) icpkitCheck(a, o); return (performance.now() - t0) / 50; })()`,
		jsq(sample), jsq(jsq(checkapi.Options{At: "2026-11-26"}))))
	t.Logf("a check of examples/precheck/sample.json in the browser (wasm): %.2f ms", ms)
	assert.Less(t, ms, 200.0)
}

func validOr(doc string) string {
	if json.Valid([]byte(doc)) {
		return doc
	}
	return "null"
}

// samples are the application documents both sides check.
func samples(t *testing.T) map[string]string {
	b, err := os.ReadFile("../precheck/sample.json")
	require.NoError(t, err)
	s := string(b)
	return map[string]string{
		"examples/precheck/sample.json": s,
		"individual":                    strings.Replace(strings.Replace(s, `"kind": "enterprise"`, `"kind": "individual"`, 1), `"type": "business_license", "number": "91330106MA2H0K3L70"`, `"type": "resident_id", "number": "330106198503071238"`, 1),
		"Beijing, new site":             strings.Replace(strings.Replace(s, `"province": "浙江"`, `"province": "北京"`, 1), `"first_filing"`, `"new_site"`, 1),
		"bad mobile and IP":             strings.Replace(strings.Replace(s, `"13800138000"`, `"1380013800"`, 1), `"121.40.10.10"`, `"10.0.0.1"`, 1),
		"empty":                         `{}`,
		"unknown field":                 `{"filing_typ": "first_filing"}`,
		"not JSON":                      `{"sites": [`,
	}
}

// TestWizardApp: choosing App as the service type shows the App's fields,
// and the App finding goes once they are filled.
func TestWizardApp(t *testing.T) {
	ctx, base := browser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/?lang=en&app=1#sites")))
	js[bool](t, ctx, `(localStorage.clear(), true)`)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/?lang=en&app=2#sites")))
	waitFor(t, ctx, `window.icpkitPanel && window.icpkitPanel.ready`)
	fill(t, ctx, "province", "北京")
	hidden := `document.querySelector('[data-path="sites[0].app.package_name"]').closest("[data-app-fields]").hidden`
	assert.True(t, js[bool](t, ctx, hidden))
	fill(t, ctx, "sites[0].service_type", "app")
	waitFor(t, ctx, `!`+hidden)
	waitFor(t, ctx, `icpkitPanel.findings.some(f => f.code === "site.app_missing")`)
	fill(t, ctx, "sites[0].app.package_name", "com.example.app")
	waitFor(t, ctx, `!icpkitPanel.findings.some(f => f.code === "site.app_missing")`)
	assert.Empty(t, js[[]string](t, ctx, layoutProblems))
}
