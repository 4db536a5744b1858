package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/net/websocket"
)

// TestPanelInChromium drives the page in headless Chromium through the
// DevTools protocol: it fills the form, submits it and reads the rendered
// findings. It needs Debian's chromium package, which .ci/run installs; on
// a machine without it the test is skipped.
func TestPanelInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("no Chromium: install Debian's chromium package (apt-get install chromium) to run this test")
	}
	h, err := newHandler()
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()

	profile, err := os.MkdirTemp("", "icpkit-chromium-")
	require.NoError(t, err)
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--remote-debugging-port=0", "--user-data-dir="+profile, "about:blank")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // so that its helpers end with it
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
		_ = os.RemoveAll(profile)
	}()
	// Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/…".
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if _, after, ok := strings.Cut(sc.Text(), "DevTools listening on "); ok {
				found <- after
			}
		}
		close(found)
	}()
	var browserWS string
	select {
	case browserWS = <-found:
	case <-time.After(30 * time.Second):
		t.Fatal("Chromium did not start within 30 s")
	}
	require.NotEmpty(t, browserWS, "Chromium exited before listening")
	host := strings.TrimPrefix(browserWS, "ws://")
	host = host[:strings.IndexByte(host, '/')]

	resp, err := http.Get("http://" + host + "/json/list")
	require.NoError(t, err)
	var targets []struct{ Type, WebSocketDebuggerURL string }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&targets))
	resp.Body.Close()
	pageWS := ""
	for _, tg := range targets {
		if tg.Type == "page" {
			pageWS = tg.WebSocketDebuggerURL
		}
	}
	require.NotEmpty(t, pageWS, "no page target")

	conn, err := websocket.Dial(pageWS, "", "http://"+host)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(60*time.Second)))
	cdp := &devtools{t: t, conn: conn}
	cdp.call("Page.enable", nil)
	cdp.call("Page.navigate", map[string]any{"url": srv.URL + "/"})
	cdp.waitEvent("Page.loadEventFired")
	cdp.eval(`(() => {
		const set = (n, v) => { document.querySelector('[name=' + n + ']').value = v; };
		set('domain', 'com.cn'); set('number', '浙ICP备2021000001号');
		document.querySelector('form').submit(); return true; })()`)
	cdp.waitEvent("Page.loadEventFired")
	text := cdp.eval(`document.querySelector('#findings') ? document.querySelector('#findings').innerText : ''`)
	require.Contains(t, text, "域名必须是可备案的域名")
	require.Contains(t, text, "网站备案号必须是网站或App备案号")

	cdp.eval(`(() => {
		document.querySelector('[name=domain]').value = 'www.example.com';
		document.querySelector('[name=number]').value = '浙ICP备2021000001号-1';
		document.querySelector('form').submit(); return true; })()`)
	cdp.waitEvent("Page.loadEventFired")
	snippet := cdp.eval(`document.querySelector('#snippet') ? document.querySelector('#snippet').innerText : ''`)
	require.Contains(t, snippet, "https://beian.miit.gov.cn/")
	preview := cdp.eval(`document.querySelector('#preview a.icp-footer-icp').textContent`)
	require.Equal(t, "浙ICP备2021000001号-1", preview)
}

// devtools is a minimal client of the Chrome DevTools Protocol.
type devtools struct {
	t    *testing.T
	conn *websocket.Conn
	id   int
}

type cdpMessage struct {
	ID     int             `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params any             `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

func (d *devtools) call(method string, params any) json.RawMessage {
	d.t.Helper()
	d.id++
	require.NoError(d.t, websocket.JSON.Send(d.conn, cdpMessage{ID: d.id, Method: method, Params: params}))
	for {
		var m cdpMessage
		require.NoError(d.t, websocket.JSON.Receive(d.conn, &m))
		if m.ID == d.id {
			if m.Error != nil {
				d.t.Fatalf("%s: %s", method, m.Error.Message)
			}
			return m.Result
		}
	}
}

func (d *devtools) waitEvent(method string) {
	d.t.Helper()
	for {
		var m cdpMessage
		require.NoError(d.t, websocket.JSON.Receive(d.conn, &m), "waiting for %s", method)
		if m.Method == method {
			return
		}
	}
}

func (d *devtools) eval(expr string) string {
	d.t.Helper()
	res := d.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true})
	var out struct {
		Result struct {
			Value any `json:"value"`
		} `json:"result"`
	}
	require.NoError(d.t, json.Unmarshal(res, &out))
	return fmt.Sprint(out.Result.Value)
}
