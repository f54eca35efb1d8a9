package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

	"chiso/internal/msg"
	"chiso/rubric"
	"chiso/serve"
)

func init() {
	register(command{name: "serve", summary: "a local web page: check reports on their tables, see the dataset as charts", run: runServe})
}

// runServe is `chiso serve`: the web application on addr until
// interrupted.
func runServe(e *env, args []string) int {
	fs := newFlags(e, "serve", "[--db DSN] [--addr 127.0.0.1:8080] [--token T] [--rubric ID|FILE]")
	dsn := fs.String("db", "", "dataset the dataset pages read (default: chiso.db when it exists)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; beyond the loopback address a token is required")
	token := fs.String("token", "", "token every request must carry (made up and printed when --addr is not loopback)")
	rub := fs.String("rubric", "hcm-dti-2023-district", "rubric id or YAML file the reports are scored on")
	maxSize := fs.Int64("max-size", 0, "largest uploaded file in bytes (default: as ingest)")
	timeout := fs.Duration("timeout", 0, "give up on a file after this long (default: as ingest)")
	if c := parseFlags(fs, args); c >= 0 {
		return c
	}
	if fs.NArg() != 0 {
		return usageError(e, fs, "serve takes no file: reports are sent from the page")
	}
	r, err := rubric.Open(*rub)
	if err != nil {
		fail(e, err)
		return exitUsage
	}
	srv := serve.New(nil, r)
	srv.MaxSize, srv.Timeout = *maxSize, *timeout
	if *dsn == "" {
		if _, err := os.Stat(defaultDSN); err == nil {
			*dsn = defaultDSN
		}
	}
	if *dsn != "" {
		s, ok := openStore(e, *dsn, true)
		if !ok {
			return exitUnread
		}
		defer s.Close()
		srv.Store = s
	}
	srv.Token = *token
	if !serve.Loopback(*addr) && srv.Token == "" {
		// Beyond this machine anyone on the network could read the
		// dataset: a token is made up, as Jupyter does.
		srv.Token = serve.RandomToken()
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fail(e, err)
		return exitUnread
	}
	url := "http://" + ln.Addr().String() + "/"
	if srv.Token != "" {
		url += "?token=" + srv.Token
	}
	msg.Printer(e.lang).Fprintf(e.stdout, "chiso serve: open %s (Ctrl+C stops)\n", url)
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(shut)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fail(e, err)
		return exitUnread
	}
	return exitOK
}
