// Passkeys on Janua's hosted pages: sign in (button and autofill), the MFA step, and adding a
// passkey on the account page. Options come from Janua as WebAuthn Level 3 JSON; the browser's
// parse*FromJSON / toJSON() are used where present, with a small base64url fallback otherwise.
(() => {
  'use strict';
  if (!window.PublicKeyCredential) return;

  const b64 = {
    decode(s) {
      const pad = '='.repeat((4 - (s.length % 4)) % 4);
      const bin = atob((s + pad).replace(/-/g, '+').replace(/_/g, '/'));
      return Uint8Array.from(bin, (c) => c.charCodeAt(0)).buffer;
    },
    encode(buf) {
      const bytes = new Uint8Array(buf);
      let bin = '';
      for (const b of bytes) bin += String.fromCharCode(b);
      return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    },
  };
  const descriptors = (list) => (list || []).map((d) => ({ ...d, id: b64.decode(d.id) }));

  function creationOptions(json) {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    return { ...json, challenge: b64.decode(json.challenge), user: { ...json.user, id: b64.decode(json.user.id) },
      excludeCredentials: descriptors(json.excludeCredentials) };
  }

  function requestOptions(json) {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    return { ...json, challenge: b64.decode(json.challenge), allowCredentials: descriptors(json.allowCredentials) };
  }

  function toJSON(cred) {
    if (typeof cred.toJSON === 'function') return cred.toJSON();
    const r = cred.response;
    const response = { clientDataJSON: b64.encode(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = b64.encode(r.attestationObject);
      response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      response.authenticatorData = b64.encode(r.authenticatorData);
      response.signature = b64.encode(r.signature);
      if (r.userHandle) response.userHandle = b64.encode(r.userHandle);
    }
    return { id: cred.id, rawId: b64.encode(cred.rawId), type: cred.type, response,
      authenticatorAttachment: cred.authenticatorAttachment || undefined,
      clientExtensionResults: cred.getClientExtensionResults() };
  }

  function showError(form) {
    const el = document.getElementById('passkey-error');
    if (!el) return;
    el.textContent = form.dataset.failed;
    el.hidden = false;
  }

  async function fetchJson(url, body, headers) {
    const res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers, body });
    if (!res.ok) throw new Error('options: ' + res.status);
    return res.json();
  }

  // Sign-in page: autofill (conditional mediation) on the email field, and the button.
  const signIn = document.getElementById('passkey-sign-in');
  if (signIn) {
    let pending = null;
    let autofill = Promise.resolve();
    const json = { 'Content-Type': 'application/json' };
    const run = async (mediation) => {
      const options = requestOptions(await fetchJson(signIn.dataset.optionsUrl, '{}', json));
      pending = new AbortController();
      const cred = await navigator.credentials.get({ publicKey: options, mediation, signal: pending.signal });
      if (!cred) return;
      signIn.credential.value = JSON.stringify(toJSON(cred));
      const remember = document.getElementById('remember_me');
      signIn.remember_me.value = remember && remember.checked ? 'true' : 'false';
      signIn.submit();
    };
    // one WebAuthn request at a time: the button ends the pending autofill request before its own
    document.getElementById('passkey-button').addEventListener('click', async () => {
      if (pending) pending.abort();
      await autofill;
      run(undefined).catch((e) => { if (e.name !== 'AbortError') showError(signIn); });
    });
    if (PublicKeyCredential.isConditionalMediationAvailable) {
      autofill = PublicKeyCredential.isConditionalMediationAvailable()
        .then((ok) => (ok ? run('conditional') : undefined))
        .catch(() => { /* aborted by the button, or nothing chosen */ });
    }
  }

  // MFA page: the passkey answers the second step of this sign-in.
  const mfa = document.getElementById('passkey-mfa');
  if (mfa) {
    document.getElementById('passkey-mfa-button').addEventListener('click', async () => {
      try {
        const options = requestOptions(await fetchJson(mfa.dataset.optionsUrl, JSON.stringify({ mfaToken: mfa.mfa_token.value }),
          { 'Content-Type': 'application/json' }));
        const cred = await navigator.credentials.get({ publicKey: options });
        mfa.code.value = JSON.stringify(toJSON(cred));
        mfa.submit();
      } catch (e) {
        showError(mfa);
      }
    });
  }

  // Account page: add a passkey (the CSRF token travels in the form body, as with every hosted form).
  const add = document.getElementById('passkey-add');
  if (add) {
    document.getElementById('passkey-add-button').addEventListener('click', async () => {
      try {
        const csrf = new URLSearchParams({ _csrf: add._csrf.value });
        const options = creationOptions(await fetchJson(add.dataset.optionsUrl, csrf));
        const cred = await navigator.credentials.create({ publicKey: options });
        add.credential.value = JSON.stringify(toJSON(cred));
        add.submit();
      } catch (e) {
        showError(add);
      }
    });
  }
})();
