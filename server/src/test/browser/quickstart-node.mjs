// docs/oidc-provider.md "Protect a Node app in five minutes", as the test runs it: a plain node:http app
// that signs people in through Janua with openid-client (authorization code + PKCE S256, nonce-free
// state check, ID token validated by the library against Janua's JWKS) and shows who signed in.
// Settings come from the environment: JANUA_ISSUER, JANUA_CLIENT_ID, JANUA_CLIENT_SECRET, PORT.
import http from 'node:http';
import * as client from 'openid-client';

const issuer = new URL(process.env.JANUA_ISSUER);
const port = Number(process.env.PORT || 3000);
const redirectUri = `http://127.0.0.1:${port}/callback`;
// Development only: Janua runs on plain http here. In production the issuer is https and this option goes.
const options = issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined;
const config = await client.discovery(issuer, process.env.JANUA_CLIENT_ID, process.env.JANUA_CLIENT_SECRET, undefined, options);

const pending = new Map(); // state -> PKCE verifier (a real app keeps this in its own session)
const sessions = new Map(); // sid cookie -> claims

http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${port}`);
  try {
    if (url.pathname === '/login') {
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      pending.set(state, verifier);
      const target = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri, scope: 'openid profile email', state,
        code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
      });
      res.writeHead(302, { Location: target.href }).end();
    } else if (url.pathname === '/callback') {
      const state = url.searchParams.get('state');
      const verifier = pending.get(state);
      pending.delete(state);
      const tokens = await client.authorizationCodeGrant(config, url, { pkceCodeVerifier: verifier, expectedState: state });
      const claims = tokens.claims();
      const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      const sid = client.randomState();
      sessions.set(sid, { ...claims, ...userinfo });
      res.writeHead(302, { Location: '/', 'Set-Cookie': `sid=${sid}; HttpOnly; SameSite=Lax; Path=/` }).end();
    } else if (url.pathname === '/') {
      const sid = /sid=([^;]+)/.exec(req.headers.cookie || '')?.[1];
      const me = sid && sessions.get(sid);
      if (!me) return res.writeHead(302, { Location: '/login' }).end();
      res.writeHead(200, { 'Content-Type': 'text/plain' })
        .end(`sub=${me.sub}\nemail=${me.email}\nname=${me.name}\nissuer=${me.iss}\n`);
    } else {
      res.writeHead(404).end();
    }
  } catch (e) {
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`sign-in failed: ${e.code || ''} ${e.message}\n`);
  }
}).listen(port, '127.0.0.1', () => console.log(`quick-start app on http://127.0.0.1:${port}`));
