#!/usr/bin/env python3
# Layer-by-layer share of a JFR profile (issue 16, BENCHMARKS.md "Hot path (issue 16, helper hotpath)").
# usage: jfr print --events jdk.ExecutionSample --stack-depth 256 rec.jfr > rec.txt
#        python3 bench/jfr_layers.py rec.txt [regex of stacks to leave out, e.g. the workers sign-ups]
# Each request-thread sample goes to the innermost frame that matches a marker below (its layer), so the
# shares add up to 100 % and a filter is charged only for its own work, not for what runs inside it.
import re, sys, collections
MARKERS=[
 (r'RSASSASigner\.sign|ECDSASigner\.sign', 'RS256 signature'),
 (r'^org\.h2\.', 'H2 engine'),
 (r'^com\.zaxxer\.hikari\.', 'Hikari pool'),
 (r'^org\.postgresql\.', 'PG driver'),
 (r'^org\.springframework\.jdbc\.', 'Spring JDBC'),
 (r'^org\.springframework\.transaction\.|TransactionInterceptor|^org\.springframework\.aop\.', 'transactions/AOP'),
 (r'platform\.crypto\.SecretBox', 'SecretBox (AES-GCM seal/open)'),
 (r'platform\.crypto\.Hashes', 'SHA-256 of tokens'),
 (r'platform\.ids\.IdGenerator|RandomTokens|SecureTokens', 'random ids/tokens'),
 (r'^tools\.jackson\.|^com\.fasterxml\.jackson\.', 'JSON (Jackson)'),
 (r'^io\.micrometer\.', 'Micrometer observations/metrics'),
 (r'^com\.nimbusds\.', 'Nimbus JOSE (parse/serialise/verify)'),
 (r'JwtAccessTokens\.verify', 'token verify (Janua code)'),
 (r'JwtAccessTokens\.issue', 'token issue (Janua code)'),
 (r'SessionService\.findLiveCached', 'session check (cached)'),
 (r'SessionService\.touch', 'session touch'),
 (r'SessionService\.rotate', 'refresh rotation (Janua code)'),
 (r'CredentialsService\.refresh', 'refresh service (Janua code)'),
 (r'UserService\.findByIdCached', 'user read (cached)'),
 (r'platform\.events\.|DomainEvents|EventPublisher', 'events/audit'),
 (r'BearerAuthenticator\.authenticate', 'bearer authenticator (Janua code)'),
 (r'platform\.security\.RouteGuard', 'route guard'),
 (r'platform\.security\.CallerArgumentResolver|ClientInfoResolver', 'argument resolvers'),
 (r'ProfileController\.|AuthController\.', 'controller'),
 (r'RequestIdFilter\.doFilterInternal', 'request id filter'),
 (r'MalformedRequestFilter\.doFilterInternal', 'malformed-request filter'),
 (r'RateLimitFilter\.doFilterInternal', 'rate-limit filter (off)'),
 (r'BodySizeLimitFilter', 'body size filter'),
 (r'^dev\.janua\..*Filter\.', 'other Janua filters'),
 (r'^org\.springframework\.security\.', 'Spring Security chain'),
 (r'^org\.springframework\.web\.servlet\.', 'Spring MVC dispatch'),
 (r'^org\.springframework\.web\.', 'Spring web filters/support'),
 (r'^org\.springframework\.boot\.', 'Spring Boot filters'),
 (r'^dev\.janua\.', 'other Janua code'),
]
C=[(re.compile(p),n) for p,n in MARKERS]
def samples(path):
    cur=None; thread=None
    for line in open(path):
        s=line.strip()
        if s.startswith('sampledThread'): thread=s
        elif s=='stackTrace = [': cur=[]
        elif s==']' and cur is not None:
            yield thread,cur; cur=None
        elif cur is not None: cur.append(s)
def main(path, exclude):
    cat=collections.Counter(); leaf=collections.Counter(); n=0; other=0
    for thread,st in samples(path):
        if 'tomcat-handler' not in thread and 'http-nio' not in thread: other+=1; continue
        if exclude and any(re.search(exclude,f) for f in st): continue
        if len(st)>=250: pass
        n+=1
        name='Tomcat/HTTP/JVM (outside any marker)'
        for f in st:
            for r,nm in C:
                if r.search(f): name=nm; break
            else: continue
            break
        cat[name]+=1
        leaf[st[0].split('(')[0]]+=1
    print(f'{path}: {n} request-thread samples ({other} on other threads)')
    for k,v in cat.most_common(): print(f'  {100*v/n:5.1f}%  {k}')
    print(' top leaf frames:')
    for k,v in leaf.most_common(25): print(f'  {100*v/n:5.1f}%  {k}')
main(sys.argv[1], sys.argv[2] if len(sys.argv)>2 else None)
