// Idiom corpus: HF3002: a hand-written JWT login and sign-up (BCrypt, IPasswordHasher, token issuing) and a refresh-token exchange
// are authentication endpoints; a refresh of something else, or a push device's registration, is not.
using System;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace System.IdentityModel.Tokens.Jwt
{
    public class JwtSecurityToken { public JwtSecurityToken(string issuer, string audience) { } }
    public class JwtSecurityTokenHandler { public string WriteToken(JwtSecurityToken token) => ""; }
}
namespace BCrypt.Net
{
    public static class BCrypt { public static bool Verify(string text, string hash) => true; public static string HashPassword(string text) => text; }
}

namespace App
{
    public class AppUser { public int Id { get; set; } public string Email { get; set; } = ""; public string PasswordHash { get; set; } = ""; }
    public class AppDb(DbContextOptions<AppDb> o) : DbContext(o) { public DbSet<AppUser> Users => Set<AppUser>(); }
    public record LoginDto(string Email, string Password);
    public interface ITokenService { string CreateToken(AppUser user); string GenerateJwtToken(AppUser user); }

    [ApiController, Route("api/auth")]
    public class AuthController(AppDb db, IPasswordHasher<AppUser> hasher, ITokenService tokens) : ControllerBase
    {
        [AllowAnonymous, HttpPost("login")]
        public async Task<IActionResult> Login(LoginDto dto)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Email == dto.Email);
            if (user == null || !BCrypt.Net.BCrypt.Verify(dto.Password, user.PasswordHash)) return Unauthorized();
            var token = new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler().WriteToken(new System.IdentityModel.Tokens.Jwt.JwtSecurityToken("me", "you"));
            return Ok(new { token });
        }

        [AllowAnonymous, HttpPost("login2")]
        public async Task<IActionResult> Login2(LoginDto dto)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Email == dto.Email);
            if (user == null || hasher.VerifyHashedPassword(user, user.PasswordHash, dto.Password) == PasswordVerificationResult.Failed) return Unauthorized();
            return Ok(tokens.CreateToken(user));
        }

        [AllowAnonymous, HttpPost("register")]
        public async Task<IActionResult> Register(LoginDto dto)
        {
            var user = new AppUser { Email = dto.Email };
            user.PasswordHash = hasher.HashPassword(user, dto.Password);
            db.Users.Add(user);
            await db.SaveChangesAsync();
            return Ok(tokens.GenerateJwtToken(user));
        }

        [AllowAnonymous, HttpPost("signup")]
        public async Task<IActionResult> SignUp(LoginDto dto)
        {
            db.Users.Add(new AppUser { Email = dto.Email, PasswordHash = BCrypt.Net.BCrypt.HashPassword(dto.Password) });
            await db.SaveChangesAsync();
            return Ok();
        }

        [AllowAnonymous, HttpPost("import")]
        public async Task<IActionResult> Import(LoginDto dto)
        {
            db.Users.Add(new AppUser { Email = dto.Email });
            await db.SaveChangesAsync();
            return Ok(tokens.CreateToken(new AppUser())); // issuing a token is an authentication step: anonymous by design
        }
    }
}
namespace App.Tokens
{
    public record RefreshRequest(string RefreshToken);
    public interface IAuthService { Task<string?> RefreshAsync(string refreshToken); Task RefreshPermissionsAsync(int userId); }

    [ApiController, Route("api/token"), Authorize]
    public class TokenController(IAuthService auth) : ControllerBase
    {
        [HttpPost("refresh"), AllowAnonymous]
        public async Task<IActionResult> Refresh(RefreshRequest req) =>
            await auth.RefreshAsync(req.RefreshToken) is { } token ? Ok(token) : Unauthorized();

        [HttpPost("permissions/{userId}"), AllowAnonymous]  // expect HF3002
        public async Task<IActionResult> RefreshPermissions(int userId)
        {
            await auth.RefreshPermissionsAsync(userId);
            return NoContent();
        }
    }
}
namespace App.Devices
{
    public record DeviceDto(string Token, string Platform);
    public record RegisterDto(string Email, string Password);
    public interface IPushService { Task RegisterAsync(string token, string platform); }
    public interface IUserService { Task<string?> RegisterAsync(RegisterDto dto); }

    [ApiController, Route("api/devices"), Authorize]
    public class DevicesController(IPushService push, IUserService users) : ControllerBase
    {
        [HttpPost("/api/users/register"), AllowAnonymous]
        public async Task<IActionResult> Register(RegisterDto dto) => await users.RegisterAsync(dto) is { } token ? Ok(token) : BadRequest();

        [HttpPost, AllowAnonymous]  // expect HF3002
        public async Task<IActionResult> Add(DeviceDto dto)
        {
            await push.RegisterAsync(dto.Token, dto.Platform);
            return Accepted();
        }
    }
}
