namespace Shop.Migrations
{
    using System;
    using System.Data.Entity.Migrations;

    public partial class AddOrderCoupon : DbMigration
    {
        public override void Up()
        {
            CreateTable(
                "dbo.Coupons",
                c => new
                    {
                        Id = c.Int(nullable: false, identity: true),
                        Code = c.String(nullable: false, maxLength: 40),
                    })
                .PrimaryKey(t => t.Id);

            AddColumn("dbo.Orders", "CouponId", c => c.Int());
            CreateIndex("dbo.Orders", "CouponId");
            AddForeignKey("dbo.Orders", "CouponId", "dbo.Coupons", "Id");
        }

        public override void Down()
        {
            DropForeignKey("dbo.Orders", "CouponId", "dbo.Coupons");
            DropIndex("dbo.Orders", new[] { "CouponId" });
            DropColumn("dbo.Orders", "CouponId");
            DropTable("dbo.Coupons");
        }
    }
}
