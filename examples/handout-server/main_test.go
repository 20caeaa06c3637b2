package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/betweensessions/between/worksheet/handout"
)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	r, err := handout.New(handout.Options{})
	require.NoError(t, err)
	srv := httptest.NewServer(newHandler(r))
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, srv *httptest.Server, path string) (*http.Response, []byte) {
	t.Helper()
	resp, err := srv.Client().Get(srv.URL + path)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, body
}

const secret = "Private-Value-42"

func TestHandouts(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name   string
		path   string
		status int
		ctype  string
		want   string
		not    string
	}{
		{name: "html", path: "/handouts/sleep-routine?param.wake_time=" + url.QueryEscape("6:00 am"), status: 200, ctype: "text/html; charset=utf-8", want: "6:00 am"},
		{name: "spanish large print", path: "/handouts/sleep-routine?lang=es-419&variant=large-print", status: 200, ctype: "text/html; charset=utf-8", want: `<body class="large-print">`},
		{name: "pdf", path: "/handouts/sleep-routine?lang=es&variant=large-print&format=pdf&param.wake_time=6:00", status: 200, ctype: "application/pdf", want: "%PDF-"},
		{name: "json", path: "/handouts/mood-journal?format=json", status: 200, ctype: "application/json", want: `"id": "mood-journal"`, not: "rationale"},
		{name: "list", path: "/handouts", status: 200, ctype: "application/json", want: `"sleep-routine"`},
		{name: "unknown id", path: "/handouts/no-such", status: 404, want: "no such handout"},
		{name: "unknown param", path: "/handouts/sleep-routine?param.wake=" + secret, status: 400, want: `no param "wake"`, not: secret},
		{name: "long value", path: "/handouts/sleep-routine?param.wake_time=" + strings.Repeat(secret, 20), status: 400, want: "longer than", not: secret},
		{name: "bad lang", path: "/handouts/sleep-routine?lang=" + url.QueryEscape("not a tag"), status: 400, want: "BCP 47"},
		{name: "no locale", path: "/handouts/sleep-routine?lang=ja", status: 400, want: "not available in that language"},
		{name: "bad variant", path: "/handouts/sleep-routine?variant=huge", status: 400, want: "variant is not standard or large-print", not: "huge"},
		{name: "bad format", path: "/handouts/sleep-routine?format=docx", status: 400, want: "format is not html, pdf or json", not: "docx"},
		{name: "unknown key", path: "/handouts/sleep-routine?wake_time=6", status: 400, want: "unknown query parameter", not: "wake_time"},
		{name: "twice", path: "/handouts/sleep-routine?lang=en&lang=es", status: 400, want: "given 2 times"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, srv, tt.path)
			require.Equal(t, tt.status, resp.StatusCode, "body: %.200s", body)
			if tt.ctype != "" {
				assert.Equal(t, tt.ctype, resp.Header.Get("Content-Type"))
			}
			if tt.status == 200 && tt.path != "/handouts" {
				assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"), "a personalised handout is never cached")
			}
			assert.Contains(t, string(body), tt.want)
			if tt.not != "" {
				assert.NotContains(t, string(body), tt.not)
			}
		})
	}
}

// TestQueryValuesNeverEchoed puts a client's words in every query value
// (and in keys the server does not know): no response repeats them.
func TestQueryValuesNeverEchoed(t *testing.T) {
	srv := newServer(t)
	for _, marker := range []string{"JaneMarker", "Jane Q. Marker", "en-x-janemarker", "<b>JaneMarker</b>", "Jané\u0000Märker", strings.Repeat("JaneMarker", 50)} {
		q := url.QueryEscape(marker)
		for _, path := range []string{
			"/handouts/sleep-routine?lang=" + q,
			"/handouts/sleep-routine?variant=" + q,
			"/handouts/sleep-routine?format=" + q,
			"/handouts/sleep-routine?param.wake_time=" + q + "%0A",
			"/handouts/sleep-routine?param.wake_time=" + q + "&param.wake_time=" + q,
			"/handouts/sleep-routine?param.no_such=" + q,
			"/handouts/sleep-routine?" + q + "=1",
			"/handouts/sleep-routine?" + q + "=1&" + q + "=2",
			"/handouts/sleep-routine?format=pdf&param.wake_time=" + url.QueryEscape("\u4e2d\u6587"+marker),
		} {
			resp, body := get(t, srv, path)
			assert.GreaterOrEqual(t, resp.StatusCode, 400, path)
			for _, w := range strings.Fields(marker) {
				if len(w) >= 4 {
					assert.NotContains(t, strings.ToLower(string(body)), strings.ToLower(w), "%s echoed the client's words", path)
				}
			}
		}
	}
}

func TestParallelRequests(t *testing.T) {
	srv := newServer(t)
	paths := []string{
		"/handouts/sleep-routine?format=pdf&param.wake_time=6:00",
		"/handouts/sleep-routine?format=pdf&lang=es&variant=large-print",
		"/handouts/mood-journal?lang=es-MX",
		"/handouts/hard-moments-plan?format=json&lang=es-US",
	}
	want := make([][]byte, len(paths))
	for i, p := range paths {
		resp, body := get(t, srv, p)
		require.Equal(t, 200, resp.StatusCode, p)
		want[i] = body
	}
	var wg sync.WaitGroup
	for n := range 16 {
		wg.Go(func() {
			i := n % len(paths)
			resp, err := srv.Client().Get(srv.URL + paths[i])
			if !assert.NoError(t, err) {
				return
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			assert.NoError(t, err)
			assert.Equal(t, 200, resp.StatusCode)
			assert.True(t, bytes.Equal(want[i], body), "%s: the same request gives the same bytes", paths[i])
		})
	}
	wg.Wait()
}

func TestList(t *testing.T) {
	srv := newServer(t)
	_, body := get(t, srv, "/handouts")
	var ids []string
	require.NoError(t, json.Unmarshal(body, &ids))
	assert.GreaterOrEqual(t, len(ids), 16, "the whole library")
}

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr   string
		remote bool
		ok     bool
	}{
		{"127.0.0.1:8080", false, true},
		{"[::1]:8080", false, true},
		{"localhost:0", false, true},
		{":8080", false, false},
		{"0.0.0.0:8080", false, false},
		{"192.0.2.10:80", false, false},
		{"192.0.2.10:80", true, true},
		{"no-port", false, false},
	}
	for _, tt := range tests {
		err := checkAddr(tt.addr, tt.remote)
		assert.Equal(t, tt.ok, err == nil, "%s remote=%v: %v", tt.addr, tt.remote, err)
	}
}

func TestRunServesAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var stderr bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0"}, &stderr) }()
	time.Sleep(200 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop when its context was cancelled")
	}

	err := run(context.Background(), []string{"-addr", "0.0.0.0:0"}, &stderr)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not a loopback address")
}
