-- Themes of the hosted pages, per organization or per application (owner_id is an org_… or app_… id).
-- Every column is optional: a missing value falls back to the organization's, then to the default theme.
-- Values are validated before they are stored (ThemeRules) and validated again when rendered as CSS.
CREATE TABLE hosted_themes (
    owner_id         VARCHAR(40) PRIMARY KEY,
    brand_color      VARCHAR(7),
    background_color VARCHAR(7),
    text_color       VARCHAR(7),
    radius_px        INTEGER,
    logo_url         VARCHAR(2048),
    font_stack       VARCHAR(300),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
