//! The local web server behind `casepack edit`: axum on a single-threaded
//! tokio runtime, bound to loopback only. Every request must carry the
//! session's random token as the first part of its path, name this
//! server in `Host`, and, when it says where it comes from (`Origin`,
//! `Sec-Fetch-Site`), come from the page itself: another site open in the
//! same browser, or a name rebound to 127.0.0.1, gets nothing. Files are
//! read and written only in the case's own folder, and only those this
//! session names: the case file, its `.bak`, and the packs it built.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path as UrlPath, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};

use super::EditError;
use super::page::{self, View};
use super::session::{Draft, Op, Session};

/// What every request handler shares.
pub struct App {
    /// The case being edited.
    pub session: Session,
    /// The secret every address starts with.
    pub token: String,
    /// The address the server listens on.
    pub addr: SocketAddr,
    /// The file names of the packs built in this session, which alone may
    /// be downloaded.
    pub built: Mutex<Vec<String>>,
}

impl App {
    /// The address of the page, token included.
    pub fn url(&self) -> String {
        format!("http://{}/{}/", self.addr, self.token)
    }

    fn base(&self) -> String {
        format!("/{}/", self.token)
    }
}

/// The routes, behind the checks every request passes.
pub fn router(app: Arc<App>) -> Router {
    // Every route under the token; `/TOKEN/` itself is the page.
    let at = |route: &str| format!("/{}/{route}", app.token);
    Router::new()
        .route(&at(""), get(page_route))
        .route(&at("case"), get(case_route))
        .route(&at("assets/{name}"), get(asset_route))
        .route(&at("check"), post(check_route))
        .route(&at("form"), post(form_route))
        .route(&at("save"), post(save_route))
        .route(&at("build"), post(build_route))
        .route(&at("preview"), get(preview_route))
        .route(&at("preview-text"), get(preview_text_route))
        .route(&at("download/{name}"), get(download_route))
        .fallback(|| async { (StatusCode::NOT_FOUND, "not found") })
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// Refuses what did not come from the page: a foreign `Host` (DNS
/// rebinding), a foreign `Origin` or a cross-site fetch, and any change
/// (a POST) that does not say it comes from the page. A wrong token finds
/// no route (404), so it learns nothing.
async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    if let Err(why) = allowed(&app, request.method(), request.headers()) {
        return (StatusCode::FORBIDDEN, why).into_response();
    }
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    // The page loads nothing from elsewhere and may not be framed.
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' blob:; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Whether a request with these headers may be answered, and if not, why.
pub fn allowed(app: &App, method: &Method, headers: &HeaderMap) -> Result<(), &'static str> {
    let port = app.addr.port();
    let ours =
        |host: &str| host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}");
    // A header that is there but cannot be read is refused, not ignored.
    let read = |name: &str| -> Result<Option<&str>, &'static str> {
        match headers.get(name) {
            None => Ok(None),
            Some(v) => v
                .to_str()
                .map(Some)
                .map_err(|_| "refused: a header of the request cannot be read"),
        }
    };
    if !read(header::HOST.as_str())?.is_some_and(ours) {
        return Err("refused: this page answers only to its own address on this computer");
    }
    match read(header::ORIGIN.as_str())? {
        Some(o) if !o.strip_prefix("http://").is_some_and(ours) => {
            return Err("refused: the request came from another site");
        }
        None if method != Method::GET => {
            return Err("refused: a change must come from the page");
        }
        _ => {}
    }
    if read("sec-fetch-site")?.is_some_and(|s| s != "same-origin" && s != "none") {
        return Err("refused: the request came from another site");
    }
    Ok(())
}

#[derive(Deserialize)]
struct PageQuery {
    view: Option<String>,
}

fn file_name(app: &App) -> String {
    app.session
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

async fn page_route(State(app): State<Arc<App>>, Query(q): Query<PageQuery>) -> Response {
    let view = View::from_query(q.view.as_deref());
    let (case, notice) = match app.session.open() {
        Ok(x) => x,
        Err(e) => return (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    };
    match page::page_html(
        app.session.schema(),
        &case,
        view,
        &file_name(&app),
        &app.base(),
        notice.as_deref(),
    ) {
        Ok(html) => Html(html).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

async fn case_route(State(app): State<Arc<App>>) -> Response {
    match app.session.open() {
        Ok((case, notice)) => Json(json!({ "case": case, "notice": notice })).into_response(),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

async fn asset_route(UrlPath(name): UrlPath<String>) -> Response {
    match page::ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, kind, bytes)) => ([(header::CONTENT_TYPE, *kind)], *bytes).into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({ "error": message.into() }))).into_response()
}

/// Runs CPU-bound work (checking lays letters out) off the server's thread.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| error(StatusCode::INTERNAL_SERVER_ERROR, format!("internal: {e}")))
}

/// Runs `work` off the server's thread and answers with its JSON, or with
/// why it could not be done.
async fn answer(work: impl FnOnce() -> Result<Value, EditError> + Send + 'static) -> Response {
    match blocking(work).await {
        Ok(Ok(v)) => Json(v).into_response(),
        Ok(Err(e)) => error(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
        Err(r) => r,
    }
}

async fn check_route(State(app): State<Arc<App>>, Json(draft): Json<Draft>) -> Response {
    match blocking(move || app.session.check(&draft)).await {
        Ok(v) => Json(v).into_response(),
        Err(r) => r,
    }
}

#[derive(Deserialize)]
struct Reshape {
    #[serde(flatten)]
    draft: Draft,
    op: Op,
    path: String,
    view: Option<String>,
}

async fn form_route(State(app): State<Arc<App>>, Json(r): Json<Reshape>) -> Response {
    answer(move || {
        let case = app.session.reshape(&r.draft, &r.op, &r.path)?;
        let view = View::from_query(r.view.as_deref());
        let html = page::form_html(app.session.schema(), &case, view)?;
        Ok(json!({ "case": case, "html": html }))
    })
    .await
}

async fn save_route(State(app): State<Arc<App>>, Json(draft): Json<Draft>) -> Response {
    answer(move || {
        app.session.save(&draft)?;
        let message = format!(
            "Saved {} (the version before is kept as {}).",
            file_name(&app),
            super::session::backup_of(&app.session.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        );
        Ok(json!({ "message": message }))
    })
    .await
}

async fn build_route(State(app): State<Arc<App>>, Json(draft): Json<Draft>) -> Response {
    answer(move || {
        // What is built is what is saved: the page's build and
        // `casepack build` on the saved file read the same text.
        let text = app.session.save(&draft)?;
        let built = super::build_beside(&app.session, &text)?;
        let mut names = app.built.lock().unwrap_or_else(|e| e.into_inner());
        for n in &built.written {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
        Ok(json!({ "message": built.message, "written": built.written }))
    })
    .await
}

#[derive(Deserialize)]
struct PreviewQuery {
    doc: usize,
    page: usize,
}

async fn preview_route(State(app): State<Arc<App>>, Query(q): Query<PreviewQuery>) -> Response {
    match blocking(move || app.session.preview(q.doc, q.page)).await {
        Ok(Ok((png, pages, _))) => (
            [
                (header::CONTENT_TYPE, "image/png".to_string()),
                (
                    header::HeaderName::from_static("x-pages"),
                    pages.to_string(),
                ),
            ],
            png,
        )
            .into_response(),
        Ok(Err(e)) => (StatusCode::UNPROCESSABLE_ENTITY, e.to_string()).into_response(),
        Err(r) => r,
    }
}

/// The words of a preview's page, for the page's text alternative.
async fn preview_text_route(
    State(app): State<Arc<App>>,
    Query(q): Query<PreviewQuery>,
) -> Response {
    answer(move || {
        let (_, pages, words) = app.session.preview(q.doc, q.page)?;
        Ok(json!({ "pages": pages, "words": words }))
    })
    .await
}

/// A pack this session built, from the case's folder: only a name it
/// wrote, so no other file can be asked for.
async fn download_route(State(app): State<Arc<App>>, UrlPath(name): UrlPath<String>) -> Response {
    let known = app
        .built
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .contains(&name);
    if !known || name.contains(['/', '\\']) || name.starts_with('.') {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let path = app.session.folder().join(&name);
    let read = blocking(move || std::fs::read(&path)).await;
    match read {
        Ok(Ok(bytes)) => Response::builder()
            .header(header::CONTENT_TYPE, "application/zip")
            .header(
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", name.replace('"', "")),
            )
            .body(Body::from(bytes))
            .unwrap_or_else(|e| error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())),
        Ok(Err(_)) => (StatusCode::NOT_FOUND, "not found").into_response(),
        Err(r) => r,
    }
}

/// Serves `app` on its listener until the process is stopped.
pub async fn serve(app: Arc<App>, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(listener, router(app)).await
}

#[cfg(test)]
mod tests;
