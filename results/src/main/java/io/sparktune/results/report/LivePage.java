package io.sparktune.results.report;

/**
 * What {@code search --ui} adds to the report page while a search runs: a progress line and a script that refreshes
 * the page in place. Every two seconds the script fetches the page again and swaps in each part (the progress line,
 * the summary, each section) whose markup changed, so the leaderboard gains rows and the charts redraw as trials
 * finish, without a reload or a flicker of the rest; it stops once the progress line says the search is over. The
 * script fetches only the page's own address. {@code report.html} is the same page without these two parts.
 */
public final class LivePage {

    /** The search's progress as one line ({@code ProgressLog}'s), and whether it still runs. */
    public record Status(String progress, boolean running) {}

    private LivePage() {}

    /** The progress line's markup. */
    public static String progress(Status status) {
        return "<p id=\"progress\" class=\"progress\" data-running=\"" + status.running() + "\">"
                + (status.running() ? "" : "Finished: ") + Svg.escape(status.progress()) + "</p>\n";
    }

    static final String SCRIPT = """
            <script>
            (function () {
              var PERIOD_MS = 2000;
              function swapChangedParts(next) {
                next.body.querySelectorAll(':scope > [id]').forEach(function (fresh) {
                  var old = document.getElementById(fresh.id);
                  if (!old) {
                    document.body.insertBefore(document.importNode(fresh, true), document.body.lastElementChild);
                  } else if (old.outerHTML !== fresh.outerHTML) {
                    old.replaceWith(document.importNode(fresh, true));
                  }
                });
              }
              function refresh() {
                fetch(location.pathname, {cache: 'no-store'})
                  .then(function (response) {
                    return response.ok ? response.text() : null;   // e.g. 503 while the journal is being written
                  })
                  .then(function (html) {
                    if (html === null) { setTimeout(refresh, PERIOD_MS); return; }
                    var next = new DOMParser().parseFromString(html, 'text/html');
                    swapChangedParts(next);
                    var progress = next.getElementById('progress');
                    if (progress && progress.dataset.running === 'true') { setTimeout(refresh, PERIOD_MS); }
                  })
                  .catch(function () {   // the server is gone: the search command has ended
                    var progress = document.getElementById('progress');
                    if (progress) { progress.dataset.running = 'false'; }
                    if (progress) { progress.textContent = 'The search has ended; its report.html holds this page.'; }
                  });
              }
              setTimeout(refresh, PERIOD_MS);
            })();
            </script>
            """;
}
