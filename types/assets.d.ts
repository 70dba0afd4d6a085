// Stylesheets are bundled by esbuild; importing one only adds it to app.css.
declare module '*.css'
