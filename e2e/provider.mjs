// A real OpenID Connect provider for the browser tests: node-oidc-provider on a free loopback
// port, with its built-in sign-in form (any password) and one client, samspill. The login typed
// at the provider is the account, and its e-mail claim.
import Provider from "oidc-provider";
import { freePort } from "./server.mjs";

export const CLIENT_ID = "samspill";
export const CLIENT_SECRET = "e2e-client-secret";

/// Starts the provider for a samspill reached at `samspillBase`.
export async function startProvider(samspillBase) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${samspillBase}/login/oidc/callback`],
        post_logout_redirect_uris: [`${samspillBase}/login?signed_out=1`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
    async findAccount(ctx, id) {
      return { accountId: id, async claims() { return { sub: id, email: id, email_verified: true, preferred_username: id }; } };
    },
    // samspill is the organisation's own application: no consent screen after signing in.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
  });
  // The provider's own warnings about development settings are expected here.
  provider.on("server_error", (ctx, err) => console.error("oidc-provider:", err));
  const server = await new Promise((ok) => {
    const s = provider.listen(port, "127.0.0.1", () => ok(s));
  });
  return {
    issuer,
    async stop() {
      await new Promise((r) => server.close(r));
    },
  };
}
