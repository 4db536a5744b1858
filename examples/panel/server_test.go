package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/examples/panel/internal/checkapi"
)

func newTestServer(t *testing.T) (*server, *httptest.Server) {
	t.Helper()
	s, err := newServer()
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func postJSON(t *testing.T, url string, body any) (int, []byte) {
	t.Helper()
	b, err := json.Marshal(body)
	require.NoError(t, err)
	resp, err := http.Post(url, "application/json", bytes.NewReader(b))
	require.NoError(t, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, out
}

func upload(t *testing.T, url, kind, name string, data []byte) (int, uploadResult) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	require.NoError(t, mw.WriteField("kind", kind))
	fw, err := mw.CreateFormFile("file", name)
	require.NoError(t, err)
	fw.Write(data)
	require.NoError(t, mw.Close())
	resp, err := http.Post(url, mw.FormDataContentType(), &body)
	require.NoError(t, err)
	defer resp.Body.Close()
	var r uploadResult
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&r))
	return resp.StatusCode, r
}

func TestPage(t *testing.T) {
	_, srv := newTestServer(t)
	for _, tc := range []struct{ lang, want, other string }{
		{"", `<html lang="zh-Hans">`, "ICP 备案向导"},
		{"en", `<html lang="en">`, "ICP filing wizard"},
	} {
		resp, err := http.Get(srv.URL + "/?lang=" + tc.lang)
		require.NoError(t, err)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Contains(t, string(b), tc.want)
		assert.Contains(t, string(b), tc.other)
	}
	for path, status := range map[string]int{"/check.wasm": 404, "/static/app.js": 200, "/static/style.css": 200, "/api/schema": 200, "/nothing": 404} {
		resp, err := http.Get(srv.URL + path)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, status, resp.StatusCode, path)
	}
}

func TestAPICheckIsTheWasmEntryPoint(t *testing.T) {
	_, srv := newTestServer(t)
	app, err := os.ReadFile("../precheck/sample.json")
	require.NoError(t, err)
	opts := []byte(`{"lang":"en","at":"2026-11-26"}`)
	status, got := postJSON(t, srv.URL+"/api/check", map[string]json.RawMessage{"application": app, "options": opts})
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, string(checkapi.Check(app, opts)), string(got))
	assert.Contains(t, string(got), `"code":"domain.subdomain"`)

	status, got = postJSON(t, srv.URL+"/api/check", map[string]json.RawMessage{"application": []byte(`{"filing_typ":1}`), "options": opts})
	require.Equal(t, http.StatusOK, status)
	assert.Contains(t, string(got), `"path":"filing_typ"`)
}

func TestUploadInspects(t *testing.T) {
	_, srv := newTestServer(t)
	status, good := upload(t, srv.URL+"/api/upload", "id_card_front", "front.png", pngWithDPI(t, 1100, 700, 300))
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "png", good.Format)
	assert.Equal(t, 300, good.DPI)
	assert.Empty(t, good.Findings, "%+v", good.Findings)
	assert.Contains(t, good.Summary, "PNG，1100×700 像素")

	corpus, err := os.ReadFile(filepath.Join(goroot(t), "src", "image", "testdata", "video-001.jpeg"))
	require.NoError(t, err)
	status, bad := upload(t, srv.URL+"/api/upload?lang=en", "id_card_back", "back.jpg", append(corpus, "PK\x03\x04zip"...))
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "zip", bad.Appended)
	var codes []string
	for _, f := range bad.Findings {
		codes = append(codes, f.Code)
	}
	assert.Contains(t, codes, "material.trailing_data")
	assert.Contains(t, bad.Summary, "appended")

	status, gif := upload(t, srv.URL+"/api/upload?lang=en", "id_card_front", "x.gif", []byte("GIF89a\x01\x00\x01\x00"))
	require.Equal(t, http.StatusOK, status)
	require.NotEmpty(t, gif.Findings)

	status, _ = upload(t, srv.URL+"/api/upload", "selfie", "x.png", []byte("x"))
	assert.Equal(t, http.StatusBadRequest, status, "unknown kind")
}

func TestSubmit(t *testing.T) {
	s, srv := newTestServer(t)
	app, err := os.ReadFile("../precheck/sample.json")
	require.NoError(t, err)
	opts := json.RawMessage(`{"lang":"zh-Hans","at":"2026-11-26"}`)

	status, b := postJSON(t, srv.URL+"/api/submit", map[string]json.RawMessage{"application": app, "options": opts})
	require.Equal(t, http.StatusOK, status, string(b))
	var res submitResult
	require.NoError(t, json.Unmarshal(b, &res))
	assert.False(t, res.OK)
	var keys []string
	for _, sec := range res.Sections {
		keys = append(keys, sec.Key)
		for _, f := range sec.Findings {
			assert.Equal(t, sec.Key, sectionOf(f.Field), f.Field)
		}
	}
	assert.Contains(t, keys, "sites")
	assert.Contains(t, keys, "materials", "sample's material paths are not uploads")
	assert.True(t, res.FooterExample)
	assert.Contains(t, res.FooterHTML, "浙ICP备12345678号-1")
	assert.Nil(t, res.Plan, "a first filing has no plan")

	// An upload kept by the server is inspected again at submit.
	polyglot := append(pngWithDPI(t, 64, 64, 72), "PK\x03\x04\x14\x00\x00\x00"...) // an appended ZIP
	_, up := upload(t, srv.URL+"/api/upload", "business_license", "licence.png", polyglot)
	withUpload := bytes.Replace(app, []byte(`"path": "licence.png"`), []byte(`"path": "`+up.ID+`"`), 1)
	_, b = postJSON(t, srv.URL+"/api/submit", map[string]json.RawMessage{"application": withUpload, "options": opts})
	assert.Contains(t, string(b), `"code":"material.trailing_data","severity":"error","field":"materials[0].path"`)
	_ = s

	// A change with the filing as it stands gets a re-filing plan.
	change := bytes.Replace(app, []byte(`"first_filing"`), []byte(`"change_site"`), 1)
	change = bytes.Replace(change, []byte(`"kind": "enterprise",`), []byte(`"kind": "enterprise", "number": "浙ICP备2021000001号",`), 1)
	change = bytes.Replace(change, []byte(`"name": "示例网络科技官网",`), []byte(`"number": "浙ICP备2021000001号-1", "name": "示例网络科技官网",`), 1)
	before := `{"subject": {"kind": "enterprise", "name": "杭州示例网络科技有限公司", "number": "浙ICP备2021000001号", "province": "浙江",
	  "certificate": {"type": "business_license", "number": "91330106MA2H0K3L70"},
	  "owner": {"name": "张三", "document": {"type": "resident_id", "number": "330106198503071238"}, "mobile": "13800138000"}},
	 "sites": [{"number": "浙ICP备2021000001号-1", "name": "示例网络科技官网", "domains": ["example.com"],
	  "manager": {"name": "张三", "document": {"type": "resident_id", "number": "330106198503071238"}, "mobile": "13800138000"},
	  "access": [{"provider": "tencent", "ips": ["42.192.1.1"]}]}]}`
	_, b = postJSON(t, srv.URL+"/api/submit", map[string]json.RawMessage{"application": change, "options": opts, "before": json.RawMessage(before)})
	var withPlan struct {
		Plan struct {
			Actions []struct{ Type string }
		}
	}
	require.NoError(t, json.Unmarshal(b, &withPlan), string(b))
	require.NotEmpty(t, withPlan.Plan.Actions, string(b))
	var types []string
	for _, a := range withPlan.Plan.Actions {
		types = append(types, a.Type)
	}
	assert.Contains(t, types, "new_access", "another provider for the filed site: %s", b)
	assert.Contains(t, types, "new_site", "the second site is new")

	// Bad input: a clear message naming the part, status 422.
	status, b = postJSON(t, srv.URL+"/api/submit", map[string]json.RawMessage{"application": json.RawMessage(`{"sites":[{"access":{"ips":["x"]}}]}`), "options": opts})
	assert.Equal(t, http.StatusUnprocessableEntity, status)
	assert.Contains(t, string(b), `"path":"sites[0].access.ips[0]"`)
	assert.Contains(t, string(b), "申请内容无法读取")
	status, _ = postJSON(t, srv.URL+"/api/submit", map[string]string{"nonsense": "x"})
	assert.Equal(t, http.StatusBadRequest, status)
}

func TestUploadStoreIsBounded(t *testing.T) {
	s, err := newServer()
	require.NoError(t, err)
	first := s.store(make([]byte, 10))
	for range maxUploads {
		s.store(make([]byte, 10))
	}
	_, err = s.open(first)
	assert.ErrorIs(t, err, os.ErrNotExist, "the oldest upload is dropped")
	big := s.store(make([]byte, maxStored-5))
	_, err = s.open(big)
	assert.NoError(t, err)
	assert.LessOrEqual(t, s.stored, maxStored)
}

// TestWasmImports lists what the wasm build links: nothing of ours imports
// net/http; golang.org/x/net/publicsuffix brings it in through
// net/http/cookiejar (its List implements cookiejar.PublicSuffixList).
func TestWasmImports(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	cmd := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "./wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	require.NoError(t, err)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		if !strings.HasPrefix(pkg, "github.com/icpkit/") {
			continue
		}
		for _, imp := range strings.Fields(imports) {
			assert.False(t, strings.HasPrefix(imp, "net/http"), "%s imports %s", pkg, imp)
		}
	}
}

func TestSectionOf(t *testing.T) {
	for field, want := range map[string]string{
		"filing_type": "subject", "subject.name": "subject", "subject.owner.mobile": "people", "sites[2].manager.email": "people",
		"sites[0].domains[1]": "sites", "resource.months": "sites", "materials[3].path": "materials", "": "general",
	} {
		assert.Equal(t, want, sectionOf(field), field)
	}
}

func TestWasmServedCompressed(t *testing.T) {
	s, srv := newTestServer(t)
	path := filepath.Join(t.TempDir(), "check.wasm")
	payload := bytes.Repeat([]byte("\x00asm wasm body "), 4096)
	require.NoError(t, os.WriteFile(path, payload, 0o644))
	s.setWasm(path)
	for _, tc := range []struct {
		accept, encoding string
	}{{"gzip, deflate", "gzip"}, {"identity", ""}} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/check.wasm", nil)
		req.Header.Set("Accept-Encoding", tc.accept)
		resp, err := http.DefaultTransport.RoundTrip(req) // no transparent decompression
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Equal(t, "application/wasm", resp.Header.Get("Content-Type"))
		assert.Equal(t, tc.encoding, resp.Header.Get("Content-Encoding"))
		if tc.encoding == "gzip" {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			require.NoError(t, err)
			body, _ = io.ReadAll(zr)
		}
		assert.Equal(t, payload, body)
	}
}

// goroot returns the GOROOT of the go command on PATH (runtime.GOROOT is
// deprecated: the build's root need not be this machine's).
func goroot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Skipf("go env GOROOT: %v", err)
	}
	return strings.TrimSpace(string(out))
}
