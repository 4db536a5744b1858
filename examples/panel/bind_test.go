package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func post(t *testing.T, srv *httptest.Server, form url.Values) string {
	t.Helper()
	resp, err := http.PostForm(srv.URL+"/bind", form)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

func TestBind(t *testing.T) {
	h, err := newServer()
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/bind")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Contains(t, string(body), `<form method="post"`)
	assert.NotContains(t, string(body), `id="findings"`)

	bad := post(t, srv, url.Values{"domain": {"com.cn"}, "number": {"浙ICP备2021000001号"}, "police": {"12345"}})
	assert.Contains(t, bad, "域名必须是可备案的域名")
	assert.Contains(t, bad, "网站备案号必须是网站或App备案号")
	assert.Contains(t, bad, "公安备案号必须是有效的公安备案号")
	assert.NotContains(t, bad, `id="snippet"`)

	empty := post(t, srv, url.Values{})
	assert.Contains(t, empty, "域名为必填字段", "validator's own zh messages")

	good := post(t, srv, url.Values{"domain": {"www.example.com"}, "number": {"浙ICP备2021000001号-1"},
		"police": {"浙公网安备33010602011771号"}, "company": {`<b>示例</b>`}})
	assert.Contains(t, good, "由主域名 example.com 的备案覆盖")
	assert.Contains(t, good, `id="snippet"`)
	assert.Contains(t, good, "https://beian.miit.gov.cn/")
	assert.Contains(t, good, "&lt;b&gt;示例&lt;/b&gt;", "input is escaped")
	assert.NotContains(t, good, "<b>示例</b>")

	tld := post(t, srv, url.Values{"domain": {"example.io"}, "number": {"浙ICP备2021000001号-1"}})
	assert.Contains(t, tld, "域名后缀 .io 不能在浙江省备案")

	resp, err = http.Get(srv.URL + "/other")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	req, _ := http.NewRequest(http.MethodDelete, srv.URL+"/bind", strings.NewReader(""))
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
}
