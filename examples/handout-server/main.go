// Command handout-server shows how a portal serves personalised handouts:
// a net/http server that renders one handout per request from the embedded
// library, as HTML, PDF or JSON, with a shared handout.Renderer.
//
//	go run ./examples/handout-server
//	curl -o plan.pdf 'http://127.0.0.1:8080/handouts/sleep-routine?lang=es&variant=large-print&format=pdf&param.wake_time=6:00'
//
// Routes:
//
//	GET /handouts                 the handout ids, as JSON
//	GET /handouts/{id}            one handout; query parameters:
//	    lang=es-MX                language (default en)
//	    variant=large-print       standard (default) or large-print
//	    format=pdf                html (default), pdf or json
//	    param.<name>=<value>      a personalised value for slot <name>
//
// It listens on 127.0.0.1 only unless -allow-remote is given. A real
// portal would sit behind its own sign-in and take a client's values from
// its own records rather than from the URL, where they can end up in
// browser history and proxy logs; this example keeps the URL form to stay
// short. It logs nothing about requests, and its error replies name the
// handout or param at fault, never a value.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"golang.org/x/text/language"

	"github.com/betweensessions/between/worksheet/handout"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "handout-server:", err)
		os.Exit(1)
	}
}

// run parses the flags and serves until ctx is done.
func run(ctx context.Context, args []string, stderr io.Writer) error {
	fset := flag.NewFlagSet("handout-server", flag.ContinueOnError)
	fset.SetOutput(stderr)
	addr := fset.String("addr", "127.0.0.1:8080", "`host:port` to listen on")
	allowRemote := fset.Bool("allow-remote", false, "allow an address other than loopback (put the server behind a sign-in first)")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if err := checkAddr(*addr, *allowRemote); err != nil {
		return err
	}
	r, err := handout.New(handout.Options{})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           newHandler(r),
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
	}
	fmt.Fprintf(stderr, "serving handouts on http://%s/handouts\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(shutdown)
	}
}

// checkAddr refuses an address that is not loopback, unless allowed: a
// personalised handout holds a client's details.
func checkAddr(addr string, allowRemote bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %w", addr, err)
	}
	if allowRemote {
		return nil
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-addr %s is not a loopback address (127.0.0.1, ::1 or localhost); give -allow-remote to listen there", addr)
}

// newHandler returns the server's routes, rendering with r.
func newHandler(r *handout.Renderer) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /handouts", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(r.IDs())
	})
	mux.HandleFunc("GET /handouts/{id}", func(w http.ResponseWriter, hr *http.Request) {
		req, err := parseRequest(hr)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var body bytes.Buffer
		if err := r.Render(hr.Context(), &body, req); err != nil {
			http.Error(w, renderMessage(err), statusOf(err))
			return
		}
		h := w.Header()
		h.Set("Content-Type", req.Format.ContentType())
		h.Set("Cache-Control", "no-store") // personalised: never cached
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if req.Format == handout.PDF {
			h.Set("Content-Disposition", fmt.Sprintf("inline; filename=%q", req.ID+".pdf"))
		}
		_, _ = w.Write(body.Bytes())
	})
	return mux
}

// parseRequest reads a handout request from the URL. Unknown query keys
// are refused, so a typo is not silently ignored. Its errors never repeat
// a value from the request, which may be a client's words: they name the
// query parameter, when it is one the server knows.
func parseRequest(hr *http.Request) (handout.Request, error) {
	req := handout.Request{ID: hr.PathValue("id"), Lang: language.English}
	for key, vals := range hr.URL.Query() {
		if len(vals) != 1 {
			return req, fmt.Errorf("%s is given %d times", knownKey(key), len(vals))
		}
		v := vals[0]
		var err error
		switch {
		case key == "lang":
			req.Lang, err = language.Parse(v)
			if err != nil {
				err = errors.New("lang is not a BCP 47 language tag such as es or es-MX")
			}
		case key == "variant":
			if req.Variant.UnmarshalText([]byte(v)) != nil {
				err = errors.New("variant is not standard or large-print")
			}
		case key == "format":
			if req.Format.UnmarshalText([]byte(v)) != nil {
				err = errors.New("format is not html, pdf or json")
			}
		case strings.HasPrefix(key, "param."):
			if req.Params == nil {
				req.Params = map[string]string{}
			}
			req.Params[strings.TrimPrefix(key, "param.")] = v
		default:
			err = errors.New("unknown query parameter (want lang, variant, format or param.<name>)")
		}
		if err != nil {
			return req, err
		}
	}
	return req, nil
}

// knownKey names the query parameter key for an error: itself when the
// server knows it, else words that repeat nothing of it.
func knownKey(key string) string {
	switch {
	case key == "lang", key == "variant", key == "format":
		return key
	case strings.HasPrefix(key, "param."):
		return "a param"
	}
	return "a query parameter"
}

// renderMessage is the message for a render error. The renderer's errors
// name ids and params, never their values; the server says even less
// about a request it could not serve, and nothing of a value.
func renderMessage(err error) string {
	switch {
	case errors.Is(err, handout.ErrNotFound):
		return "no such handout (GET /handouts lists them)"
	case errors.Is(err, handout.ErrLanguage):
		return "the handout is not available in that language"
	case errors.Is(err, handout.ErrParam):
		return err.Error() // names the handout and the param, never the value
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "the request was stopped"
	}
	return "the handout could not be rendered"
}

// statusOf maps a render error to an HTTP status.
func statusOf(err error) int {
	switch {
	case errors.Is(err, handout.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, handout.ErrParam), errors.Is(err, handout.ErrLanguage):
		return http.StatusBadRequest
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
