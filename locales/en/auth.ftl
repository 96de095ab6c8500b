## Sign in

login-title = Sign in
login-intro = Sign in with your e-mail address and password.
login-email = E-mail
login-password = Password
login-submit = Sign in
login-error-invalid = Wrong e-mail or password.
login-error-password-missing = Enter your password.
login-error-throttled = Too many failed attempts. Wait fifteen minutes and try again.
login-notice-expired = Your session has expired. Sign in again to continue.
login-notice-signed-out = You have signed out.
login-demo-title = Demo logins
login-demo-intro = Every demo user has the password samspill-demo.
login-demo-employee = employee with a remote leader
login-demo-leader = leader of Team Tromsø
login-demo-director = leader of leaders
login-demo-hr = HR
