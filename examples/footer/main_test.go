package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runArgs(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb, &http.Client{})
	return code, out.String(), errb.String()
}

const goodPage = `<html><body><p>内容</p><footer>
<a href="https://beian.miit.gov.cn/" target="_blank">浙ICP备2021000001号-1</a>
<a href="https://beian.mps.gov.cn/#/query/webSearch?code=33010602011771">浙公网安备33010602011771号</a>
</footer></body></html>`

func TestPrint(t *testing.T) {
	code, out, errs := runArgs("-icp", "浙 ICP 备2021000001号-1", "-police", "33010602011771", "-company", "杭州示例网络科技有限公司")
	assert.Equal(t, 0, code, errs)
	assert.Contains(t, out, `<a class="icp-footer-icp" href="https://beian.miit.gov.cn/"`)
	assert.Contains(t, out, "浙公网安备33010602011771号")
	assert.Contains(t, errs, "fixed: [space]")

	code, _, errs = runArgs("-icp", "浙ICP备2021000001号")
	assert.Equal(t, 2, code, "a subject number is refused")
	assert.Contains(t, errs, "footer.subject_number")
	code, _, _ = runArgs("-icp", "萌ICP备20257012号")
	assert.Equal(t, 2, code)
	code, _, _ = runArgs()
	assert.Equal(t, 2, code)
}

func TestAuditFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.html")
	require.NoError(t, os.WriteFile(good, []byte(goodPage), 0o644))
	code, out, _ := runArgs("-icp", "浙ICP备2021000001号-1", "-police", "浙公网安备33010602011771号", "-audit", good)
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "OK")

	legacy := filepath.Join(dir, "legacy.html")
	require.NoError(t, os.WriteFile(legacy, []byte(`<footer><a href="http://www.miitbeian.gov.cn/">浙ICP备2021000001号-1</a></footer>`), 0o644))
	code, out, _ = runArgs("-icp", "浙ICP备2021000001号-1", "-lang", "en", "-audit", legacy)
	assert.Equal(t, 0, code, "a legacy link is a warning: %s", out)
	assert.Contains(t, out, "audit.icp_obsolete_link")

	bad := filepath.Join(dir, "bad.html")
	require.NoError(t, os.WriteFile(bad, []byte(`<footer hidden><a href="https://beian.miit.gov.cn/">浙ICP备2021000001号-1</a></footer>`), 0o644))
	code, out, _ = runArgs("-icp", "浙ICP备2021000001号-1", "-lang", "en", "-audit", bad)
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "audit.icp_hidden")

	code, _, errs := runArgs("-icp", "浙ICP备2021000001号-1", "-audit", filepath.Join(dir, "missing.html"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "no such file")
}

func TestAuditURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			_, _ = w.Write([]byte(goodPage))
		case "/slow":
			<-r.Context().Done() // answer only when the client gives up
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	code, out, errs := runArgs("-icp", "浙ICP备2021000001号-1", "-audit", srv.URL+"/")
	assert.Equal(t, 0, code, errs)
	assert.Contains(t, out, "OK")

	code, _, errs = runArgs("-icp", "浙ICP备2021000001号-1", "-audit", srv.URL+"/missing")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "404")

	code, _, errs = runArgs("-icp", "浙ICP备2021000001号-1", "-timeout", "50ms", "-audit", srv.URL+"/slow")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "timed out")

	srv.Close()
	code, _, errs = runArgs("-icp", "浙ICP备2021000001号-1", "-audit", srv.URL+"/")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "offline?")
}
